package io.livemodel.relation;

import io.livemodel.model.Hidden;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a read shows, as juggler's {@code toJSON} shows it (API.md section 8): a model's {@code hidden}
 * properties never, its {@code protected} ones only at the top level (not in an object included by
 * another model). Runs after includes, so hidden keys can still join relations.
 */
public final class Visible {

  private final RelationGraph graph;

  public Visible(RelationGraph graph) {
    this.graph = graph;
  }

  /** The rows as answered; each the same object when it has nothing to remove. */
  public List<JsonObject> top(ModelDefinition model, List<JsonObject> rows) {
    if (model.hidden().isEmpty() && graph.relations(model).isEmpty()) {
      return rows;  // nothing to remove, at any depth
    }
    List<JsonObject> out = new ArrayList<>(rows.size());
    for (JsonObject row : rows) {
      out.add(top(model, row));
    }
    return out;
  }

  /** The row as answered at the top level of a read. */
  public JsonObject top(ModelDefinition model, JsonObject row) {
    return shown(model, row, false);
  }

  private JsonObject shown(ModelDefinition model, JsonObject row, boolean included) {
    if (row == null) {
      return null;
    }
    JsonObject out = Hidden.strip(model, row);
    if (included) {
      out = Hidden.without(out, model.protectedProperties());
    }
    Map<String, RelationDefinition> relations = graph.relations(model);
    if (relations.isEmpty()) {
      return out;
    }
    for (RelationDefinition relation : relations.values()) {
      Object value = out.getValue(relation.name());
      if (value instanceof JsonObject one) {
        out = own(row, out).put(relation.name(), shown(relation.to(), one, true));
      } else if (value instanceof JsonArray many) {
        JsonArray shownMany = new JsonArray(new ArrayList<>(many.size()));
        for (Object item : many) {
          shownMany.add(item instanceof JsonObject o ? shown(relation.to(), o, true) : item);
        }
        out = own(row, out).put(relation.name(), shownMany);
      }
    }
    return out;
  }

  /** A copy of {@code row} before the first change; the read may share it with the store. */
  private static JsonObject own(JsonObject row, JsonObject current) {
    return current == row ? current.copy() : current;
  }
}
