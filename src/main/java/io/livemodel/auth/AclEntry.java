package io.livemodel.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One ACL entry: from a model file's {@code acls} array, from a property definition's {@code acls},
 * or from a row of the {@code ACL} model in the store. Immutable.
 *
 * @param model the model name, or {@code "*"} (store rows may name every model)
 * @param properties the method or property names the entry covers; {@code ["*"]} for all. A model
 *     file may give a list; LoopBack applies such an entry to each listed name
 * @param accessType READ, WRITE, EXECUTE, REPLICATE or ALL
 * @param principalType {@code ROLE}, {@code USER}, {@code APP}, or (apps with several user models)
 *     a user model's name
 * @param principalId a role name (static {@code $everyone}, ... or custom), a user id or an app id,
 *     as a string (LoopBack compares {@code String(id)})
 * @param permission the effect; DEFAULT when the entry gives none
 */
public record AclEntry(String model, List<String> properties, AccessType accessType,
                       String principalType, String principalId, Permission permission) {

  public static final String ALL = "*";
  public static final String ROLE = "ROLE";
  public static final String USER = "USER";
  public static final String APP = "APP";

  public AclEntry {
    properties = List.copyOf(properties);
    if (properties.isEmpty()) {
      throw new IllegalArgumentException("an ACL entry covers at least one property");
    }
  }

  /** Convenience for tests and built-in definitions: one property (or {@code "*"}). */
  public static AclEntry of(String model, String property, AccessType accessType, String principalType,
                            String principalId, Permission permission) {
    return new AclEntry(model, List.of(property == null ? ALL : property), accessType, principalType,
        principalId, permission);
  }

  /**
   * Parses entry {@code index} of a model file's {@code acls}. Missing {@code property} and
   * {@code accessType} mean {@code *}; a missing {@code permission} is DEFAULT (LoopBack keeps such
   * an entry; it never decides).
   *
   * @throws AclDefinitionException naming the model and the entry when a field is missing or invalid
   */
  public static AclEntry fromModelFile(String modelName, Object acl, int index) {
    String where = "model " + modelName + ": acls[" + index + "]";
    if (!(acl instanceof JsonObject json)) {
      throw new AclDefinitionException(where + " is not an object");
    }
    return parse(modelName, json, where);
  }

  /**
   * Parses a row of the {@code ACL} model ({@code model, property, accessType, permission,
   * principalType, principalId}); a missing {@code model} means every model.
   *
   * @throws AclDefinitionException naming the row when a field is missing or invalid
   */
  public static AclEntry fromRow(JsonObject row) {
    String model = row.getValue("model") instanceof String s && !s.isEmpty() ? s : ALL;
    Object id = row.getValue("id");
    return parse(model, row, id == null ? "ACL row" : "ACL row " + idText(id));
  }

  /** Whether LoopBack's {@code getStaticACLs(model, property)} keeps this entry for {@code property}. */
  public boolean covers(String property) {
    if (properties.size() > 1) {
      return properties.contains(property); // LoopBack: a list applies only to the names it holds
    }
    return ALL.equals(property()) || property().equals(property);
  }

  /** The entry as seen for one request: a list property narrowed to {@code property}. */
  public AclEntry narrowedTo(String property) {
    if (properties.size() == 1 || !properties.contains(property)) {
      return this;
    }
    return new AclEntry(model, List.of(property), accessType, principalType, principalId, permission);
  }

  /** The single property this entry names (the first, for a list entry that was not narrowed). */
  public String property() {
    return properties.get(0);
  }

  private static AclEntry parse(String model, JsonObject json, String where) {
    List<String> properties = properties(json.getValue("property"), where);
    AccessType accessType = AccessType.parse(text(json, "accessType", where));
    if (accessType == null) {
      throw new AclDefinitionException(where + ": accessType must be READ, WRITE, EXECUTE, REPLICATE or *,"
          + " not " + json.getValue("accessType"));
    }
    String principalType = text(json, "principalType", where);
    if (principalType == null || principalType.isEmpty()) {
      throw new AclDefinitionException(where + ": principalType is required (ROLE, USER or APP)");
    }
    Object id = json.getValue("principalId");
    if (id == null || "".equals(id)) {
      throw new AclDefinitionException(where + ": principalId is required");
    }
    if (!(id instanceof String) && !(id instanceof Number)) {
      throw new AclDefinitionException(where + ": principalId must be a string or a number");
    }
    Permission permission = Permission.parse(text(json, "permission", where));
    if (permission == null) {
      throw new AclDefinitionException(where + ": permission must be ALLOW, DENY, ALARM or AUDIT, not "
          + json.getValue("permission"));
    }
    return new AclEntry(model, properties, accessType, principalType, idText(id), permission);
  }

  private static List<String> properties(Object value, String where) {
    if (value == null || "".equals(value)) {
      return List.of(ALL);
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof JsonArray array && !array.isEmpty()) {
      List<String> names = new ArrayList<>(array.size());
      for (Object item : array) {
        if (!(item instanceof String s) || s.isEmpty()) {
          throw new AclDefinitionException(where + ": property list must hold method names");
        }
        names.add(s);
      }
      return names;
    }
    throw new AclDefinitionException(where + ": property must be a method name or a list of them");
  }

  private static String text(JsonObject json, String key, String where) {
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new AclDefinitionException(where + ": " + key + " must be a string");
  }

  /** {@code String(id)} as JavaScript renders a number: 7, not 7.0. */
  static String idText(Object id) {
    if (id instanceof Double || id instanceof Float) {
      double d = ((Number) id).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    }
    return String.valueOf(id);
  }
}
