package io.livemodel.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A remote method as the ACL check sees it: its name (the ACL {@code property}), its aliases, and its
 * access type, computed as LoopBack 3.28 does.
 *
 * <p>LoopBack's rule ({@code Model._getAccessTypeForMethod}): an explicit {@code accessType} in the
 * method's remoting options wins; otherwise a GET or HEAD route means READ; otherwise the method name
 * decides (create/upsert/updateOrCreate/upsertWithWhere/destroyById/deleteById/removeById: WRITE;
 * exists/findById/find/findOne/count: READ); anything else is EXECUTE. Every built-in PersistedModel
 * and relation method carries an explicit accessType, which the table below reproduces. Prototype
 * methods are registered as {@code prototype.name} and checked under the bare {@code name}.
 *
 * <p>The ACL matcher compares an entry's {@code property} with every name in {@link #names()} (the
 * aliases plus the name, LoopBack's {@code methodNames}), so an ACL row on {@code updateAttributes}
 * also covers {@code patchAttributes}.
 *
 * @param name the method's name without {@code prototype.}
 * @param aliases the other names LoopBack registers for it (may be empty)
 * @param accessType never {@link AccessType#ALL}
 */
public record RemoteMethod(String name, List<String> aliases, AccessType accessType) {

  private static final Map<String, RemoteMethod> BUILT_IN = table(
      // PersistedModel (loopback/lib/persisted-model.js setupRemoting)
      m("create", AccessType.WRITE),
      m("patchOrCreate", AccessType.WRITE, "upsert", "updateOrCreate"),
      m("replaceOrCreate", AccessType.WRITE),
      m("upsertWithWhere", AccessType.WRITE, "patchOrCreateWithWhere"),
      m("exists", AccessType.READ),
      m("findById", AccessType.READ),
      m("replaceById", AccessType.WRITE),
      m("find", AccessType.READ),
      m("findOne", AccessType.READ),
      m("destroyAll", AccessType.WRITE),
      m("updateAll", AccessType.WRITE, "update"),
      m("deleteById", AccessType.WRITE, "destroyById", "removeById"),
      m("count", AccessType.READ),
      m("patchAttributes", AccessType.WRITE, "updateAttributes"),
      m("createChangeStream", AccessType.READ),
      // replication (only when the model has trackChanges)
      m("diff", AccessType.READ),
      m("changes", AccessType.READ),
      m("checkpoint", AccessType.REPLICATE),
      m("currentCheckpoint", AccessType.READ),
      m("createUpdates", AccessType.READ),
      m("bulkUpdate", AccessType.WRITE),
      m("findLastChange", AccessType.READ),
      m("updateLastChange", AccessType.WRITE),
      // User (common/models/user.js): no explicit accessType; confirm is a GET route, hence READ
      m("login", AccessType.EXECUTE),
      m("logout", AccessType.EXECUTE),
      m("verify", AccessType.EXECUTE),
      m("confirm", AccessType.READ),
      m("resetPassword", AccessType.EXECUTE),
      m("changePassword", AccessType.EXECUTE),
      m("setPassword", AccessType.EXECUTE));

  // Relation and scope methods (loopback/lib/model.js *Remoting): __<verb>__<relationName>.
  private static final Map<String, AccessType> RELATION_VERBS = Map.ofEntries(
      Map.entry("get", AccessType.READ),
      Map.entry("findById", AccessType.READ),
      Map.entry("exists", AccessType.READ),
      Map.entry("count", AccessType.READ),
      Map.entry("create", AccessType.WRITE),
      Map.entry("update", AccessType.WRITE),
      Map.entry("destroy", AccessType.WRITE),
      Map.entry("delete", AccessType.WRITE),
      Map.entry("destroyById", AccessType.WRITE),
      Map.entry("updateById", AccessType.WRITE),
      Map.entry("link", AccessType.WRITE),
      Map.entry("unlink", AccessType.WRITE));

  public RemoteMethod {
    aliases = List.copyOf(aliases);
    if (accessType == AccessType.ALL) {
      throw new IllegalArgumentException("a remote method has a concrete access type");
    }
  }

  /**
   * The built-in method with this name (PersistedModel, User, or a relation method such as
   * {@code __get__books}); {@code prototype.} is stripped. An unknown name is a custom remote method
   * without remoting options: EXECUTE, as LoopBack's default.
   */
  public static RemoteMethod named(String methodName) {
    String name = stripPrototype(methodName);
    RemoteMethod known = BUILT_IN.get(name);
    if (known != null) {
      return known;
    }
    AccessType relation = relationAccess(name);
    return new RemoteMethod(name, List.of(), relation != null ? relation : AccessType.EXECUTE);
  }

  /**
   * A custom remote method declared with remoting options, decided as LoopBack does: an explicit
   * {@code accessType} first, then a GET/HEAD verb means READ, then the name rules of {@link #named}.
   *
   * @param accessType the declared accessType, or {@code null}
   * @param httpVerb the declared HTTP verb (any case), or {@code null}
   */
  public static RemoteMethod custom(String methodName, AccessType accessType, String httpVerb) {
    String name = stripPrototype(methodName);
    if (accessType != null && accessType != AccessType.ALL) {
      return new RemoteMethod(name, List.of(), accessType);
    }
    if ("GET".equalsIgnoreCase(httpVerb) || "HEAD".equalsIgnoreCase(httpVerb)) {
      return new RemoteMethod(name, List.of(), AccessType.READ);
    }
    return new RemoteMethod(name, List.of(), byNameOnly(name));
  }

  /** {@link #aliases()} followed by {@link #name()}: what an ACL {@code property} is compared with. */
  public List<String> names() {
    if (aliases.isEmpty()) {
      return List.of(name);
    }
    String[] all = aliases.toArray(new String[aliases.size() + 1]);
    all[aliases.size()] = name;
    return List.of(all);
  }

  // LoopBack's name switch, used when a method has neither an accessType nor a GET/HEAD route.
  private static AccessType byNameOnly(String name) {
    return switch (name) {
      case "create", "updateOrCreate", "upsertWithWhere", "upsert", "destroyById", "deleteById",
          "removeById" -> AccessType.WRITE;
      case "exists", "findById", "find", "findOne", "count" -> AccessType.READ;
      default -> AccessType.EXECUTE;
    };
  }

  private static AccessType relationAccess(String name) {
    if (!name.startsWith("__")) {
      return null;
    }
    int end = name.indexOf("__", 2);
    if (end < 0 || end + 2 >= name.length()) {
      return null;
    }
    return RELATION_VERBS.get(name.substring(2, end));
  }

  private static String stripPrototype(String methodName) {
    return methodName.startsWith("prototype.") ? methodName.substring("prototype.".length()) : methodName;
  }

  private static RemoteMethod m(String name, AccessType type, String... aliases) {
    return new RemoteMethod(name, List.of(aliases), type);
  }

  private static Map<String, RemoteMethod> table(RemoteMethod... methods) {
    Map<String, RemoteMethod> map = new HashMap<>();
    for (RemoteMethod method : methods) {
      map.put(method.name(), method);
    }
    return Map.copyOf(map);
  }
}
