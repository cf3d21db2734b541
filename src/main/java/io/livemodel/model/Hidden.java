package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A model's {@code hidden} properties (API.md section 8): never in an answer or a change, and a
 * {@code where} that names one is ignored there, as juggler ignores it (all rows match).
 */
public final class Hidden {

  private Hidden() {
  }

  /** {@code instance} without the hidden properties: the same object when it holds none, else a copy. */
  public static JsonObject strip(ModelDefinition model, JsonObject instance) {
    return without(instance, model.hidden());
  }

  /** {@code instance} without {@code names}: the same object when it holds none of them, else a copy. */
  public static JsonObject without(JsonObject instance, List<String> names) {
    if (instance == null || names.isEmpty() || !holdsAny(instance, names)) {
      return instance;
    }
    JsonObject out = new JsonObject();
    instance.forEach(entry -> {
      if (!names.contains(entry.getKey())) {
        out.put(entry.getKey(), entry.getValue());
      }
    });
    return out;
  }

  /**
   * A raw {@code where} without its conditions on hidden properties (also inside {@code and},
   * {@code or} and {@code nor}); the same object when it names none.
   */
  public static Object stripWhere(ModelDefinition model, Object where) {
    List<String> hidden = model.hidden();
    if (hidden.isEmpty() || !(where instanceof JsonObject object)) {
      return where;
    }
    JsonObject out = new JsonObject();
    object.forEach(entry -> {
      String key = entry.getKey();
      if (hidden.contains(key)) {
        return;
      }
      boolean logical = key.equals("and") || key.equals("or") || key.equals("nor");
      if (logical && entry.getValue() instanceof JsonArray clauses) {
        JsonArray kept = new JsonArray();
        clauses.forEach(clause -> kept.add(stripWhere(model, clause)));
        out.put(key, kept);
      } else {
        out.put(key, entry.getValue());
      }
    });
    return out;
  }

  private static boolean holdsAny(JsonObject instance, List<String> names) {
    for (String name : names) {
      if (instance.containsKey(name)) {
        return true;
      }
    }
    return false;
  }
}
