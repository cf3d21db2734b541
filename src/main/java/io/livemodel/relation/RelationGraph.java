package io.livemodel.relation;

import io.livemodel.filter.FilterParser;
import io.livemodel.filter.Where;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  /** Per target model, the properties its hasMany relations select by (see {@link #membershipKeys}). */
  private final Map<String, List<String>> membershipKeys = new HashMap<>();

  private RelationGraph(Map<String, Relations> byModel) {
    this.byModel = byModel;
    Map<String, Set<String>> keys = new HashMap<>();
    for (Relations relations : byModel.values()) {
      for (RelationDefinition relation : relations.all().values()) {
        if (relation.kind() == RelationDefinition.Kind.HAS_MANY) {
          Set<String> names = keys.computeIfAbsent(relation.to().name(), n -> new LinkedHashSet<>());
          names.add(relation.keyTo());
          Object scopeWhere = relation.scope().getValue("where");
          if (scopeWhere instanceof JsonObject where && !where.isEmpty()) {
            try {
              addPaths(FilterParser.parseWhere(where, relation.to()), names);
            } catch (RuntimeException e) {
              // a malformed scope fails every read of the relation with its 400; nothing to stream
            }
          }
          names.removeAll(relation.to().hidden());
        }
      }
    }
    keys.forEach((model, names) -> membershipKeys.put(model, List.copyOf(names)));
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

  /**
   * The properties whose values decide whether an instance of {@code target} belongs to a hasMany
   * relation's rows (each such relation's foreign key and the top-level properties its
   * {@code scope.where} tests, hidden ones left out): what a change must carry of the instance's
   * previous values for a relation change stream to see the instance leave. Empty when no hasMany
   * relation (without through) targets the model.
   */
  public List<String> membershipKeys(ModelDefinition target) {
    return membershipKeys.getOrDefault(target.name(), List.of());
  }

  private static void addPaths(Where where, Set<String> names) {
    if (where instanceof Where.And and) {
      and.parts().forEach(part -> addPaths(part, names));
    } else if (where instanceof Where.Or or) {
      or.parts().forEach(part -> addPaths(part, names));
    } else if (where instanceof Where.Condition condition) {
      int dot = condition.path().indexOf('.');
      names.add(dot < 0 ? condition.path() : condition.path().substring(0, dot));
    }
  }

  /** All relations of {@code model} (empty if none). */
  public Map<String, RelationDefinition> relations(ModelDefinition model) {
    Relations relations = byModel.get(model.name());
    return relations == null ? Map.of() : relations.all();
  }
}
