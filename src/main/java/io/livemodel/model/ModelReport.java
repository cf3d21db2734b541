package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The start-up report of the loaded models: one INFO line per model, and ONE warning that lists, per
 * model, every model-file key (or file) LiveModel loads but does not implement, so that nothing a
 * LoopBack app says is dropped silently. Call {@link #log(ModelRegistry)} once, after the models are
 * loaded (from the bootstrap that calls {@code LiveModelServer.loadModels}).
 *
 * <p>What counts as implemented is the table below. When a package starts honouring a key (access
 * control: {@code acls}, {@code hidden}, {@code protected}; relations: {@code relations}; unsupported
 * relation types are reported by {@code io.livemodel.relation.Relations}), move it from
 * {@link #NOT_IMPLEMENTED} to {@link #HONOURED}.
 */
public final class ModelReport {

  private static final Logger LOG = Logger.getLogger(ModelReport.class.getName());

  /** Settings LiveModel honours (or that have no behaviour to honour, such as {@code description}). */
  static final Set<String> HONOURED = Set.of("name", "plural", "base", "super", "idInjection", "forceId", "strict",
      "properties", "options", "description", "http", "scope", "configureModelMerge", "excludeBaseProperties",
      "applyDefaultsOnReads", "hidden", "protected", "acls", "relations");

  /** Settings whose value LiveModel's behaviour already is: present with this value, they change nothing. */
  static final Map<String, Object> NEUTRAL = Map.of("caseSensitiveEmail", true, "trackChanges", false,
      "replaceOnPUT", true, "validateUpsert", true);

  /** Settings LiveModel knows it does not implement yet, with what they do in LoopBack. */
  static final Map<String, String> NOT_IMPLEMENTED = Map.ofEntries(
      Map.entry("validations", "validations"),
      Map.entry("methods", "remote methods"), Map.entry("mixins", "mixins"), Map.entry("scopes", "named scopes"),
      Map.entry("indexes", "indexes (unique constraints)"), Map.entry("remoting", "remoting settings"),
      Map.entry("validateUpsert", "upserts are always validated"),
      Map.entry("persistUndefinedAsNull", "undefined stored as null"), Map.entry("strictDelete", "strict delete"),
      Map.entry("trackChanges", "change tracking and replication"), Map.entry("replaceOnPUT", "PUT as patch"));

  private ModelReport() {
  }

  /** Logs the INFO lines and, if anything is not implemented, the one warning. */
  public static void log(ModelRegistry registry) {
    for (String line : lines(registry)) {
      LOG.info(line);
    }
    String warning = warning(registry);
    if (warning != null) {
      LOG.log(Level.WARNING, warning);
    }
  }

  /** One line per model: name, REST path, base, property, relation and acl counts, exposure. */
  public static List<String> lines(ModelRegistry registry) {
    List<String> lines = new ArrayList<>();
    for (ModelDefinition model : registry.all()) {
      String exposure = !model.persisted() ? "based on Model: no REST routes"
          : !model.isPublic() ? "not public: no REST routes, stream or bridge address"
          : !model.attached() ? "public, attached to no data source: its routes answer 500"
          : "public";
      lines.add("model " + model.name() + (model.source() == null ? "" : " (" + model.source() + ")")
          + ": path /" + model.restPath() + ", base " + model.baseModel() + ", "
          + model.properties().size() + " properties, relations " + model.relationsJson().fieldNames()
          + ", " + model.acls().size() + " acls, " + exposure);
    }
    return lines;
  }

  /** The warning listing every model's unimplemented keys, or null when there are none. */
  public static String warning(ModelRegistry registry) {
    StringBuilder text = new StringBuilder();
    for (String note : registry.notes()) {
      text.append("\n  ").append(note);
    }
    for (ModelDefinition model : registry.all()) {
      List<String> items = unimplemented(model);
      if (!items.isEmpty()) {
        text.append("\n  ").append(model.name()).append(": ").append(String.join("; ", items));
      }
    }
    return text.isEmpty() ? null
        : "Model-file features LiveModel does not implement (loaded, without their effect):" + text;
  }

  /** What one model's files say that LiveModel does not do. */
  static List<String> unimplemented(ModelDefinition model) {
    List<String> items = new ArrayList<>(model.notes());
    JsonObject settings = model.settings();
    for (String key : settings.fieldNames()) {
      Object value = settings.getValue(key);
      boolean neutral = NEUTRAL.containsKey(key) ? NEUTRAL.get(key).equals(value) : empty(value);
      if (HONOURED.contains(key) || neutral) {
        continue;
      }
      String what = NOT_IMPLEMENTED.get(key);
      items.add(key + (key.equals("relations") ? " " + ((JsonObject) value).fieldNames() : "")
          + (what == null ? " (unknown setting)" : " (" + what + ")"));
    }
    items.addAll(httpAndScope(settings));
    for (PropertyDefinition property : model.properties().values()) {
      String fn = property.defaultFn();
      if (fn != null && !DefaultFns.KNOWN.contains(fn)) {
        items.add("property " + property.name() + ": unknown defaultFn \"" + fn + "\" (nothing is set)");
      }
    }
    if (model.script() != null) {
      items.add(model.script().getFileName() + " (JavaScript: its remote methods, hooks and validations are not run)");
    }
    return items;
  }

  /** Property keys LiveModel honours, or that only size database columns (LiveModel stores JSON documents). */
  static final Set<String> PROPERTY_KEYS = Set.of("type", "required", "default", "defaultFn", "id", "generated",
      "applyDefaultOnWrites", "description", "doc", "length", "precision", "scale", "dataType");

  /**
   * The property-level keys of raw property definitions that LiveModel does not implement (e.g.
   * {@code index}, {@code postgresql} column settings), one item per property; called by the loader,
   * whose notes the warning shows.
   */
  static List<String> propertyKeys(Object properties) {
    List<String> items = new ArrayList<>();
    if (properties instanceof JsonObject all) {
      for (String name : all.fieldNames()) {
        if (all.getValue(name) instanceof JsonObject definition && definition.containsKey("type")) {
          List<String> keys = definition.fieldNames().stream()
              .filter(k -> !PROPERTY_KEYS.contains(k) && !empty(definition.getValue(k))).sorted().toList();
          if (!keys.isEmpty()) {
            items.add("property " + name + ": " + String.join(", ", keys));
          }
        }
      }
    }
    return items;
  }

  private static List<String> httpAndScope(JsonObject settings) {
    List<String> items = new ArrayList<>();
    if (settings.getValue("http") instanceof JsonObject http) {
      http.fieldNames().stream().filter(k -> !k.equals("path")).forEach(k -> items.add("http." + k));
    }
    if (settings.getValue("scope") instanceof JsonObject scope) {
      scope.fieldNames().stream().filter(k -> !Set.of("where", "order", "limit", "skip", "offset", "fields").contains(k))
          .forEach(k -> items.add("scope." + k + " (not applied to reads)"));
    }
    return items;
  }

  private static boolean empty(Object value) {
    return value == null || (value instanceof JsonArray a && a.isEmpty())
        || (value instanceof JsonObject o && o.isEmpty()) || (value instanceof String s && s.isEmpty())
        || Boolean.FALSE.equals(value);
  }
}
