package io.livemodel.relation;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.livemodel.model.ModelRegistry;
import io.livemodel.model.PropertyType;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * juggler's implicit through model of a {@code hasAndBelongsToMany} without {@code through}: when
 * neither {@code SourceTarget} nor {@code TargetSource} is loaded, a model {@code SourceTarget} is
 * defined with the two foreign keys ({@code camelCase(source)+"Id"}, {@code camelCase(target)+"Id"},
 * typed as the two ids, as juggler's two belongsTo relations type them) and an injected id. It must
 * exist before the store opens (it gets a table), so it is added to the loaded models, not made up
 * at query time. Deviation: LoopBack's implicit model has no REST routes; this one is served like
 * any model (at its plural), as LiveModel has no non-public models yet.
 */
public final class ImplicitThroughModels {

  private static final Logger LOG = Logger.getLogger(ImplicitThroughModels.class.getName());

  private ImplicitThroughModels() {
  }

  /** {@code models} with the implicit through models they need appended (a new list). */
  public static List<ModelDefinition> addTo(List<ModelDefinition> models) {
    List<ModelDefinition> all = new ArrayList<>(models);
    ModelRegistry registry = new ModelRegistry(all);
    for (ModelDefinition source : registry.all()) {
      JsonObject relations = source.relationsJson();
      for (String name : relations.fieldNames()) {
        if (!(relations.getValue(name) instanceof JsonObject params)
            || !"hasAndBelongsToMany".equals(params.getValue("type")) || params.getValue("through") != null
            || !(params.getValue("model") instanceof String ref)) {
          continue;
        }
        ModelDefinition target = Relations.model(registry, ref, true);
        if (target == null || Relations.model(registry, source.name() + target.name(), false) != null
            || Relations.model(registry, target.name() + source.name(), false) != null) {
          continue;
        }
        ModelDefinition through = ModelLoader.parse(new JsonObject().put("name", source.name() + target.name())
            .put("properties", new JsonObject()
                .put(Relations.camelize(source.name() + "_id"), typeOf(source))
                .put(Relations.camelize(target.name() + "_id"), typeOf(target))),
            "the implicit through model of " + source.name() + "." + name);
        all.add(through);
        registry = new ModelRegistry(all);
        LOG.info("model " + through.name() + ": defined as the through model of " + source.name() + "." + name
            + " (hasAndBelongsToMany without \"through\")");
      }
    }
    return all;
  }

  private static String typeOf(ModelDefinition model) {
    PropertyType type = model.idProperty().type();
    return type == PropertyType.ANY ? "any" : type.name().toLowerCase(Locale.ROOT);
  }
}
