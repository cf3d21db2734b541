package io.livemodel.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a model decides LoopBack's {@code $owner} role ({@code Role.isOwner}, single user model, caller
 * of principal type USER):
 * <ul>
 *   <li>a model based on {@code User}: the instance's id equals the caller's user id;</li>
 *   <li>without {@code ownerRelations} (the legacy check): the instance's {@code userId}, or if that is
 *       empty its {@code owner} property (LoopBack reads {@code owner}, not {@code ownerId}); if both
 *       are empty, the first {@code belongsTo} relation to a User-based model in file order, through
 *       its foreign key (default {@code <relationName>Id});</li>
 *   <li>with {@code ownerRelations: true}, or a list of relation names: any of those {@code belongsTo}
 *       relations to a User-based model.</li>
 * </ul>
 * Ids are compared as LoopBack's {@code matches}: equal, or equal as strings; empty never matches.
 * LoopBack also loads the related user and compares its id; here the foreign key is compared, so a
 * key pointing at a deleted user still counts. Immutable.
 */
public final class OwnerRule {

  private final String idName;
  private final boolean self;
  private final boolean legacy;
  private final List<String> foreignKeys;
  private final JsonObject properties;

  private OwnerRule(String idName, boolean self, boolean legacy, List<String> foreignKeys, JsonObject properties) {
    this.idName = idName;
    this.self = self;
    this.legacy = legacy;
    this.foreignKeys = List.copyOf(foreignKeys);
    this.properties = properties;
  }

  /**
   * The rule of a model file.
   *
   * @param userBased whether the model itself is {@code User} or based on it
   * @param isUserModel whether a model name (a relation's target) is User-based
   */
  public static OwnerRule forModel(JsonObject file, boolean userBased, Predicate<String> isUserModel) {
    JsonObject properties = file.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
    String idName = "id";
    for (String name : properties.fieldNames()) {
      if (properties.getValue(name) instanceof JsonObject def && Boolean.TRUE.equals(def.getValue("id"))) {
        idName = name;
        break;
      }
    }
    JsonObject options = file.getValue("options") instanceof JsonObject o ? o : new JsonObject();
    Object ownerRelations = file.containsKey("ownerRelations") ? file.getValue("ownerRelations")
        : options.getValue("ownerRelations");
    boolean legacy = ownerRelations == null || Boolean.FALSE.equals(ownerRelations);
    List<String> keys = new ArrayList<>();
    JsonObject relations = file.getValue("relations") instanceof JsonObject r ? r : new JsonObject();
    for (String name : relations.fieldNames()) {
      if (!(relations.getValue(name) instanceof JsonObject rel) || !"belongsTo".equals(rel.getValue("type"))
          || !(rel.getValue("model") instanceof String target) || !isUserModel.test(target)) {
        continue;
      }
      boolean listed = Boolean.TRUE.equals(ownerRelations)
          || ownerRelations instanceof JsonArray list && list.contains(name);
      if (legacy || listed) {
        keys.add(rel.getValue("foreignKey") instanceof String fk && !fk.isEmpty() ? fk : name + "Id");
      }
      if (legacy) {
        break; // LoopBack's legacy check follows only the first such relation
      }
    }
    return new OwnerRule(idName, userBased, legacy, keys, properties);
  }

  /** Whether {@code principal} owns {@code instance} (its stored JSON, including the id). */
  public boolean isOwner(JsonObject instance, Principal principal) {
    String userId = principal.userId();
    if (userId == null || instance == null || !AclEntry.USER.equals(principal.principalType())) {
      return false;
    }
    if (self) {
      return matches(instance.getValue(idName), userId);
    }
    if (legacy) {
      Object owner = truthy(instance.getValue("userId")) ? instance.getValue("userId") : instance.getValue("owner");
      if (truthy(owner)) {
        return matches(owner, userId);
      }
    }
    for (String fk : foreignKeys) {
      if (matches(instance.getValue(fk), userId)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any instance of this model can have an owner. */
  public boolean canHaveOwner() {
    return self || legacy && (declared("userId") || declared("owner")) || !foreignKeys.isEmpty();
  }

  /**
   * A {@code where} that selects the instances {@code principal} owns, for streams whose READ is
   * granted only through {@code $owner}; {@code null} when the caller can own nothing here (the
   * stream then carries nothing). The legacy chain becomes {@code userId = me, or userId is null and
   * owner = me, ...}; an empty string or 0 in {@code userId} is treated as set (LoopBack treats it as
   * empty).
   */
  public JsonObject whereFor(Principal principal) {
    String userId = principal.userId();
    if (userId == null || !AclEntry.USER.equals(principal.principalType())) {
      return null;
    }
    if (self) {
      return new JsonObject().put(idName, typed(idName, userId));
    }
    List<String> chain = new ArrayList<>();
    if (legacy) {
      for (String key : List.of("userId", "owner")) {
        if (declared(key) && !foreignKeys.contains(key)) {
          chain.add(key);
        }
      }
    }
    chain.addAll(foreignKeys);
    if (chain.isEmpty()) {
      return null;
    }
    if (chain.size() == 1) {
      return new JsonObject().put(chain.get(0), typed(chain.get(0), userId));
    }
    JsonArray or = new JsonArray();
    for (int i = 0; i < chain.size(); i++) {
      String key = chain.get(i);
      JsonObject branch = new JsonObject().put(key, typed(key, userId));
      if (legacy) { // earlier keys of the chain must be empty for a later one to count
        JsonArray and = new JsonArray();
        for (int j = 0; j < i; j++) {
          and.add(new JsonObject().putNull(chain.get(j)));
        }
        branch = and.isEmpty() ? branch : new JsonObject().put("and", and.add(branch));
      }
      or.add(branch);
    }
    return new JsonObject().put("or", or);
  }

  private boolean declared(String property) {
    return properties.containsKey(property);
  }

  // The caller's id as the stored key is typed: a number unless the property is declared a string.
  private Object typed(String property, String userId) {
    Object def = properties.getValue(property);
    String type = def instanceof String s ? s : def instanceof JsonObject d ? d.getString("type") : null;
    if (type != null && type.equalsIgnoreCase("string")) {
      return userId;
    }
    try {
      return Long.parseLong(userId);
    } catch (NumberFormatException notANumber) {
      return userId;
    }
  }

  private static boolean truthy(Object value) {
    if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
      return false;
    }
    return !(value instanceof Number n) || n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
  }

  private static boolean matches(Object stored, String userId) {
    if (stored == null || "".equals(stored) || userId.isEmpty()) {
      return false;
    }
    return AclEntry.idText(stored).equals(userId);
  }
}
