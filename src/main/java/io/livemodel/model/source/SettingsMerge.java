package io.livemodel.model.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Juggler 3's merge of a base model's settings into a derived model's ({@code ModelClass.extend}'s
 * {@code mergeSettings}, with the policy of {@code ModelBaseClass.getMergePolicy}).
 *
 * <p>The default (legacy) policy: {@code description} is replaced; {@code hidden} and {@code protected}
 * accumulate (base names first, no duplicates); {@code relations} and {@code properties} are patched
 * (a derived relation replaces the base relation of the same name whole); {@code acls} accumulate,
 * base entries first; every other setting is deep-merged (objects merged key by key, the derived value
 * winning; arrays concatenated without repeating a primitive; a scalar or null replaces). With
 * {@code configureModelMerge: true} the "recommended" policy applies instead (also: {@code options},
 * {@code indexes}, {@code methods}, {@code mixins}, {@code scopes} patched, {@code scope} replaced, a
 * null deletes the base setting, anything else replaced); an object value is the policy itself.
 */
final class SettingsMerge {

  private static final JsonObject REPLACE = new JsonObject().put("replace", true);
  private static final JsonObject ACCUMULATE = new JsonObject().put("replace", false);
  private static final JsonObject PATCH = new JsonObject().put("patch", true);
  private static final JsonObject RANK = new JsonObject().put("rank", true);

  private static final JsonObject LEGACY = new JsonObject(Map.of(
      "description", REPLACE, "properties", PATCH, "hidden", ACCUMULATE, "protected", ACCUMULATE,
      "relations", PATCH, "acls", RANK));

  private static final JsonObject RECOMMENDED = new JsonObject()
      .put("description", REPLACE).put("options", PATCH).put("hidden", ACCUMULATE).put("protected", ACCUMULATE)
      .put("indexes", PATCH).put("methods", PATCH).put("mixins", PATCH).put("relations", PATCH)
      .put("scope", REPLACE).put("scopes", PATCH).put("acls", RANK)
      .putNull("__delete").put("__default", REPLACE);

  private SettingsMerge() {
  }

  /** The derived model's effective settings; neither argument is modified. */
  static JsonObject merge(JsonObject base, JsonObject derived) {
    JsonObject policy = policy(derived);
    JsonObject merged = (JsonObject) deepMerge(base, null);
    boolean deletes = policy.containsKey("__delete");
    Object deleteMarker = policy.getValue("__delete");
    for (String key : derived.fieldNames()) {
      Object value = derived.getValue(key);
      JsonObject rule = policy.getValue(key) instanceof JsonObject r ? r
          : policy.getValue("__default") instanceof JsonObject d ? d : new JsonObject();
      if (deletes && java.util.Objects.equals(value, deleteMarker)) {
        merged.remove(key);
      } else if (Boolean.TRUE.equals(rule.getValue("replace"))) {
        merged.put(key, copy(value));
      } else if (Boolean.TRUE.equals(rule.getValue("patch")) && value instanceof JsonObject inner) {
        JsonObject target = merged.getValue(key) instanceof JsonObject t ? t : new JsonObject();
        inner.forEach(e -> target.put(e.getKey(), copy(e.getValue())));
        merged.put(key, target);
      } else {
        merged.put(key, mergeValue(base.getValue(key), value));
      }
    }
    return merged;
  }

  /** {@code getMergePolicy(derivedSettings)}: {@code configureModelMerge} true or an object, else legacy. */
  private static JsonObject policy(JsonObject derived) {
    Object config = derived.getValue("configureModelMerge");
    if (Boolean.TRUE.equals(config)) {
      return RECOMMENDED;
    }
    return config instanceof JsonObject custom ? custom : LEGACY;
  }

  /** Juggler's {@code deepMergeProperty}: a null or non-container derived value (or a missing base) wins. */
  static Object mergeValue(Object base, Object derived) {
    if (!isContainer(derived) || base == null) {
      return copy(derived);
    }
    return deepMerge(base, derived);
  }

  /**
   * Juggler's {@code deepMerge}: arrays concatenate (an extra element is added unless an equal
   * primitive is there; objects are always added), objects merge key by key; with a null
   * {@code extras}, a deep copy of {@code base}.
   */
  static Object deepMerge(Object base, Object extras) {
    if (base instanceof JsonArray baseArray && (extras instanceof JsonArray || extras == null)) {
      JsonArray out = baseArray.copy();
      if (extras instanceof JsonArray more) {
        for (Object item : more) {
          if (isContainer(item) || !out.contains(item)) {
            out.add(copy(item));
          }
        }
      }
      return out;
    }
    JsonObject out = base instanceof JsonObject b ? b.copy() : new JsonObject();
    if (extras instanceof JsonObject more) {
      for (String key : more.fieldNames()) {
        Object extra = more.getValue(key);
        Object current = out.getValue(key);
        out.put(key, !isContainer(extra) || current == null || !isContainer(current) ? copy(extra)
            : deepMerge(current, extra));
      }
    }
    return out;
  }

  private static boolean isContainer(Object value) {
    return value instanceof JsonObject || value instanceof JsonArray;
  }

  static Object copy(Object value) {
    if (value instanceof JsonObject o) {
      return o.copy();
    }
    return value instanceof JsonArray a ? a.copy() : value;
  }
}
