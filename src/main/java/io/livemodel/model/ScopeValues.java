package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The write side of a default {@code scope}, as juggler's {@code applyProperties} /
 * {@code setScopeValuesFromWhere}: every declared property the scope's {@code where} pins to a plain
 * value ({@code {"where": {"archived": false}}}, also inside {@code and}) is forced onto the written
 * data, whatever the client sent. Operators, objects, arrays and null are not values and are not
 * forced. Juggler does this on every write (create, replace, patch, upsert, updateAll).
 */
final class ScopeValues {

  private ScopeValues() {
  }

  /** {@code data} with the scope's values forced; {@code data} itself when the model has no scope where. */
  static JsonObject force(ModelDefinition model, JsonObject data) {
    JsonObject scope = model.scope();
    if (scope == null || !(scope.getValue("where") instanceof JsonObject where)) {
      return data;
    }
    JsonObject out = data.copy();
    collect(model, where, out);
    return out;
  }

  private static void collect(ModelDefinition model, JsonObject where, JsonObject out) {
    for (String key : where.fieldNames()) {
      Object value = where.getValue(key);
      if (key.equals("and") && value instanceof JsonArray clauses) {
        for (Object clause : clauses) {
          if (clause instanceof JsonObject sub) {
            collect(model, sub, out);
          }
        }
      } else if (model.property(key) != null && value != null && !(value instanceof JsonObject)
          && !(value instanceof JsonArray)) {
        out.put(key, value);
      }
    }
  }
}
