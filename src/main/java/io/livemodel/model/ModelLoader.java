package io.livemodel.model;

import io.livemodel.js.JsValues;
import io.livemodel.model.source.ModelSources;
import io.livemodel.model.source.ResolvedModel;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads LoopBack model-definition files unchanged, from plain folders of model files or from
 * LoopBack 3 app folders ({@link ModelSources}), with {@code base} chains merged as juggler merges them.
 *
 * <p>Read here: {@code name}, {@code plural}, {@code strict} ({@link StrictMode}), {@code idInjection},
 * {@code forceId} and {@code properties} (shorthand {@code "title": "string"} or {@code {type,
 * required, default, defaultFn, applyDefaultOnWrites, id, generated}}, see {@link PropertyParser});
 * everything else stays available raw through {@link ModelDefinition#settings()} (hidden, acls,
 * relations, scope, http, ...).
 *
 * <p>Settings are read as LoopBack's registry reads them: the keys of {@code options}, and the
 * top-level keys {@code options} does not have. Defaults are LoopBack's: not strict; an {@code id}
 * number, generated, added last when no property has {@code id: true} (inherited from LoopBack's
 * {@code Model}, so also with {@code idInjection: false});
 * {@code forceId} true when the id is generated unless {@code forceId: false}, else only if set;
 * {@code plural} from {@link Inflection#pluralize}.
 */
public final class ModelLoader {

  private ModelLoader() {
  }

  /**
   * Every model of the given sources (plain folders or app folders), in order: a later model replaces
   * an earlier one of the same name.
   *
   * @throws IllegalArgumentException naming the file and the problem, or both files when two public
   *     models share a REST path (compared ignoring case, as routes are)
   */
  public static ModelRegistry loadAll(List<Path> sources) {
    ModelSources.Loaded loaded = ModelSources.load(sources);
    List<ModelDefinition> models = new ArrayList<>();
    Map<String, String> paths = new HashMap<>();
    for (ResolvedModel resolved : loaded.models()) {
      ModelDefinition model = build(resolved);
      if (model.isPublic() && model.persisted()) {
        String other = paths.putIfAbsent(model.restPath().toLowerCase(Locale.ROOT), model.source());
        if (other != null) {
          throw new IllegalArgumentException(model.source() + ": the model plural \"" + model.restPath()
              + "\" is already used by " + other);
        }
      }
      models.add(model);
    }
    return new ModelRegistry(models, loaded.notes());
  }

  /**
   * Loads every {@code *.json} file of a plain folder (or the models of an app folder), in file-name order.
   *
   * @throws IllegalArgumentException with a message naming the file and the problem, or both files
   *     when two models share a name or a plural (compared ignoring case, as routes are)
   */
  public static List<ModelDefinition> loadFolder(Path folder) {
    return List.copyOf(loadAll(List.of(folder)).all());
  }

  /**
   * One model definition on its own (a built-in {@code base} such as {@code User} is merged in).
   *
   * @param source where it comes from (a file name), used in error messages
   * @throws IllegalArgumentException with a message naming {@code source} and the problem
   */
  public static ModelDefinition parse(JsonObject json, String source) {
    ResolvedModel resolved;
    try {
      resolved = ModelSources.resolveOne(json, source);
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(source + ": ") ? e
          : new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    return build(resolved);
  }

  private static List<String> notes(ResolvedModel resolved) {
    List<String> notes = new ArrayList<>(resolved.notes());
    notes.addAll(ModelReport.propertyKeys(resolved.definition().getValue("properties")));
    Object http = resolved.definition().getJsonObject("options").getValue("http");
    if (http instanceof JsonObject h && h.getValue("path") instanceof String path
        && path.replaceAll("^/+", "").contains("/")) {
      notes.add("http.path " + path + " has several segments: LiveModel routes one-segment paths only, so the"
          + " model has no REST routes");
    }
    return notes;
  }

  /** @throws IllegalArgumentException with a message naming the model's source and the problem */
  static ModelDefinition build(ResolvedModel resolved) {
    JsonObject json = resolved.definition();
    JsonObject settings = json.getJsonObject("options");
    try {
      boolean idInjection = !Boolean.FALSE.equals(settings.getValue("idInjection"));
      var properties = PropertyParser.parse(json.getValue("properties"), idInjection);
      PropertyDefinition id = properties.values().stream().filter(PropertyDefinition::id).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              "the model has no id: idInjection is false and no property has \"id\": true"));
      Object forceId = settings.getValue("forceId");
      boolean force = id.generated() ? !Boolean.FALSE.equals(forceId)
          : JsValues.truthy(forceId) && !"auto".equals(forceId);
      Object relations = settings.getValue("relations");
      if (relations != null && !(relations instanceof JsonObject)
          && !(relations instanceof io.vertx.core.json.JsonArray array && array.isEmpty())) {
        throw new IllegalArgumentException("\"relations\" must be an object of relation definitions");
      }
      Object plural = settings.getValue("plural");
      var extras = new ModelDefinition.Extras(settings, resolved.baseModel(), resolved.chain(),
          resolved.isPublic(), resolved.attached(), resolved.source(), resolved.script(), notes(resolved));
      return new ModelDefinition(resolved.name(),
          plural instanceof String p && !p.isEmpty() ? p : Inflection.pluralize(resolved.name()),
          StrictMode.of(settings.getValue("strict")), force, properties, extras);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(resolved.source() + ": " + e.getMessage(), e);
    }
  }
}
