package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Coercion of anonymous embedded models ({@code "address": {"type": {"street": "string", "zip":
 * "number"}}}, or an array of them), as juggler builds them: an anonymous model is not strict and has
 * no id, so its typed members are coerced like top-level properties (and get their {@code default} /
 * {@code defaultFn} when absent), other keys are kept. The result lists the typed members first, in
 * declaration order, then the other keys, as juggler's {@code toObject} does. Values that are not
 * objects are left as the top-level coercion made them.
 */
final class NestedValues {

  private NestedValues() {
  }

  /** The value of {@code property} after the setter coercion, with its anonymous-model members coerced. */
  static Object coerce(PropertyDefinition property, Object value) {
    Map<String, PropertyDefinition> members = property.members();
    if (members == null) {
      return value;
    }
    if (property.type() == PropertyType.OBJECT && value instanceof JsonObject object) {
      return object(members, object);
    }
    if (property.type() == PropertyType.ARRAY && value instanceof JsonArray items) {
      JsonArray out = new JsonArray();
      for (Object item : items) {
        out.add(item instanceof JsonObject object ? object(members, object) : item);
      }
      return out;
    }
    return value;
  }

  private static JsonObject object(Map<String, PropertyDefinition> members, JsonObject data) {
    JsonObject out = new JsonObject();
    for (PropertyDefinition member : members.values()) {
      String name = member.name();
      if (data.containsKey(name)) {
        out.put(name, Values.toJson(coerce(member, Values.coerce(member, data.getValue(name)))));
      } else {
        Object initial = Instances.initialValue(member);
        if (initial != null) {
          out.put(name, Values.toJson(initial));
        }
      }
    }
    data.forEach(entry -> {
      if (!members.containsKey(entry.getKey())) {
        out.put(entry.getKey(), Values.copy(entry.getValue()));
      }
    });
    return out;
  }
}
