package io.livemodel.relation;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The relations of every loaded model, resolved once at start-up. Immutable. Relations that
 * LiveModel leaves out are logged as one start-up warning per model.
 */
public final class RelationGraph {

  private static final Logger LOG = Logger.getLogger(RelationGraph.class.getName());

  /** No relations at all (code that has no registry). */
  public static final RelationGraph EMPTY = new RelationGraph(Map.of());

  private final Map<String, Relations> byModel;

  private RelationGraph(Map<String, Relations> byModel) {
    this.byModel = byModel;
  }

  /**
   * Resolves every model's relations and logs what is left out.
   *
   * @throws IllegalArgumentException for a relation that cannot be resolved (see {@link Relations#parse})
   */
  public static RelationGraph of(ModelRegistry registry) {
    Map<String, Relations> byModel = new HashMap<>();
    for (ModelDefinition model : registry.all()) {
      Relations relations = Relations.parse(model, registry);
      byModel.put(model.name(), relations);
      List<String> unsupported = relations.unsupported();
      if (!unsupported.isEmpty()) {
        LOG.warning("model " + model.name() + ": " + String.join("; ", unsupported));
      }
    }
    return new RelationGraph(byModel);
  }

  /** The relation {@code name} of {@code model}, or null. */
  public RelationDefinition relation(ModelDefinition model, String name) {
    Relations relations = byModel.get(model.name());
    return relations == null ? null : relations.get(name);
  }

  /** All relations of {@code model} (empty if none). */
  public Map<String, RelationDefinition> relations(ModelDefinition model) {
    Relations relations = byModel.get(model.name());
    return relations == null ? Map.of() : relations.all();
  }
}
