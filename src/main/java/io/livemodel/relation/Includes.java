package io.livemodel.relation;

import io.livemodel.filter.Filter;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The {@code include} of find, findOne and findById: {@link #plan} checks it against the model's
 * relations before anything is read (400 for an unknown relation, a bad scope or too deep a
 * nesting), and the plan then attaches the related rows to what the store returned. Thread-safe.
 */
public final class Includes {

  private final Store store;
  private final RelationGraph graph;
  private final IncludeLimits limits;

  public Includes(Store store, RelationGraph graph, IncludeLimits limits) {
    this.store = store;
    this.graph = graph;
    this.limits = limits;
  }

  /**
   * The plan of {@code filter}'s include on {@code model} ({@link Plan#NONE} when there is none).
   *
   * @throws io.livemodel.model.ApiError 400 for an include that cannot run
   */
  public Plan plan(ModelDefinition model, Filter filter) {
    if (filter.include() == null) {
      return Plan.NONE;
    }
    List<IncludeNode> nodes = new IncludeParser(graph, limits).parse(model, filter.include(), 1);
    return nodes.isEmpty() ? Plan.NONE : new Plan(this, nodes);
  }

  /** A checked include, ready to run on the rows a read returned. */
  public static final class Plan {

    /** Nothing to include: rows pass through unchanged. */
    public static final Plan NONE = new Plan(null, List.of());

    private final Includes includes;
    private final List<IncludeNode> nodes;

    private Plan(Includes includes, List<IncludeNode> nodes) {
      this.includes = includes;
      this.nodes = nodes;
    }

    /** Copies of {@code rows} with the related rows attached. */
    public Future<List<JsonObject>> apply(List<JsonObject> rows) {
      if (nodes.isEmpty() || rows.isEmpty()) {
        return Future.succeededFuture(rows);
      }
      List<JsonObject> copies = new ArrayList<>(rows.size());
      for (JsonObject row : rows) {
        copies.add(new JsonObject(new LinkedHashMap<>(row.getMap())));
      }
      return new IncludeRunner(includes.store, includes.limits).run(nodes, copies).map(v -> copies);
    }

    /** {@link #apply} for one row; null stays null. */
    public Future<JsonObject> applyOne(JsonObject row) {
      return row == null ? Future.succeededFuture() : apply(List.of(row)).map(list -> list.get(0));
    }
  }
}
