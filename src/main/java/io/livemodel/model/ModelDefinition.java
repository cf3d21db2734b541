package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model loaded from a LoopBack model-definition file, with its {@code base} chain merged in (see
 * {@link ModelLoader}) and, for a LoopBack app folder, its {@code model-config.json} entry applied.
 *
 * <p>Immutable: the JSON accessors return copies. {@link #properties()} keeps the declaration order,
 * which is also the key order of instances in responses (declared properties first, then the id,
 * then undeclared ones); a model's own properties come before those inherited from its base, as in
 * juggler's {@code extend}. When no property is the id, an {@code id} property of type number,
 * generated, comes last: LoopBack's {@code Model} has one that every model inherits (even with
 * {@code idInjection: false}, unless {@code excludeBaseProperties} names it).
 */
public final class ModelDefinition {

  private final String name;
  private final String plural;
  private final StrictMode strict;
  private final boolean forceId;
  private final Map<String, PropertyDefinition> properties;
  private final PropertyDefinition idProperty;
  private final Extras extras;
  private final List<String> hidden;
  private final List<String> protectedNames;

  /** A model with every other setting at its default (tests, programmatic models). */
  public ModelDefinition(String name, String plural, boolean strict, boolean forceId,
                         Map<String, PropertyDefinition> properties) {
    this(name, plural, strict ? StrictMode.VALIDATE : StrictMode.OFF, forceId, properties, Extras.DEFAULT);
  }

  ModelDefinition(String name, String plural, StrictMode strict, boolean forceId,
                  Map<String, PropertyDefinition> properties, Extras extras) {
    this.name = name;
    this.plural = plural;
    this.strict = strict;
    this.forceId = forceId;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    this.idProperty = properties.values().stream().filter(PropertyDefinition::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("model " + name + " has no id property"));
    this.extras = extras;
    this.hidden = strings("hidden");
    this.protectedNames = strings("protected");
  }

  /**
   * What a model file says beyond properties, merged along the base chain as juggler merges it.
   *
   * @param settings every merged setting (top-level keys and {@code options}), raw
   * @param baseModel the base model's name ({@code PersistedModel} when the file names none)
   * @param chain the base chain above this model, nearest first, ending at a built-in or unknown root
   * @param isPublic model-config's {@code public} (true for a plain folder of model files)
   * @param attached whether model-config gives a {@code dataSource} (true for a plain folder)
   * @param source the model file (or built-in resource) it was loaded from
   * @param script the {@code .js} file next to the model file, or null
   * @param notes load-time problems to report (unknown base, ...), never fatal
   */
  record Extras(JsonObject settings, String baseModel, List<String> chain, boolean isPublic, boolean attached,
                String source, Path script, List<String> notes) {
    static final Extras DEFAULT = new Extras(new JsonObject(), "PersistedModel", List.of("PersistedModel"),
        true, true, null, null, List.of());

    Extras {
      chain = List.copyOf(chain);
      notes = List.copyOf(notes);
    }
  }

  public String name() {
    return name;
  }

  /** The plural ({@code plural} setting, else the English plural of the name), e.g. {@code MyModels}. */
  public String plural() {
    return plural;
  }

  /**
   * The REST path segment: {@code http.path} without its leading slash, else {@link #plural()}
   * (juggler's {@code ModelClass.http.path}).
   */
  public String restPath() {
    Object http = extras.settings.getValue("http");
    if (http instanceof JsonObject h && h.getValue("path") instanceof String path) {
      String trimmed = path.replaceAll("^/+", "");
      if (!trimmed.isEmpty()) {
        return trimmed;
      }
    }
    return plural;
  }

  /** Any truthy {@code strict}: undeclared properties are not stored (see {@link #strictMode()}). */
  public boolean strict() {
    return strict != StrictMode.OFF;
  }

  public StrictMode strictMode() {
    return strict;
  }

  /** Whether a client may not choose the id (LoopBack's forceId; true by default for generated ids). */
  public boolean forceId() {
    return forceId;
  }

  /** Declared properties, id included, in declaration order. */
  public Map<String, PropertyDefinition> properties() {
    return properties;
  }

  public PropertyDefinition property(String propertyName) {
    return properties.get(propertyName);
  }

  public PropertyDefinition idProperty() {
    return idProperty;
  }

  public String idName() {
    return idProperty.name();
  }

  /** {@code hidden}: property names never returned (merged with the base's, base first). */
  public List<String> hidden() {
    return hidden;
  }

  /** {@code protected}: property names not returned when the instance is included by another model. */
  public List<String> protectedProperties() {
    return protectedNames;
  }

  /** The merged {@code acls} entries, raw, base entries first; empty when none. */
  public JsonArray acls() {
    return extras.settings.getValue("acls") instanceof JsonArray a ? a.copy() : new JsonArray();
  }

  /** The merged raw {@code relations} object (a base's relation replaced by a same-named own one). */
  public JsonObject relationsJson() {
    return extras.settings.getValue("relations") instanceof JsonObject r ? r.copy() : new JsonObject();
  }

  /** The default {@code scope} ({@code {where, order, limit, ...}}), or null. */
  public JsonObject scope() {
    return extras.settings.getValue("scope") instanceof JsonObject s && !s.isEmpty() ? s.copy() : null;
  }

  /** Every merged setting of the model file (top-level keys and {@code options}), raw. */
  public JsonObject settings() {
    return extras.settings.copy();
  }

  /** The base model's name ({@code PersistedModel} when none is given). */
  public String baseModel() {
    return extras.baseModel;
  }

  /** The base chain, nearest first (e.g. {@code [Customer, User, PersistedModel]} for a model based on Customer). */
  public List<String> baseChain() {
    return extras.chain;
  }

  /** Whether the model is {@code User} or based on it, directly or through other models. */
  public boolean isUserModel() {
    return name.equals("User") || extras.chain.contains("User");
  }

  /**
   * Whether the app exposes the model (model-config {@code public}, true by default). A non-public
   * model has no REST routes, no change stream and no bridge address; see {@link ModelRegistry#publicModels()}.
   */
  public boolean isPublic() {
    return extras.isPublic;
  }

  /**
   * Whether model-config attaches the model to a data source. LoopBack still routes a public model
   * with {@code dataSource: null}, and every call fails with 500 (not attached); LiveModel does the same.
   */
  public boolean attached() {
    return extras.attached;
  }

  /** Whether the model persists data: false for a model based on plain {@code Model} (no CRUD routes). */
  public boolean persisted() {
    return !extras.chain.contains("Model");
  }

  /** Where the model was loaded from (a file, or {@code builtin:User}); null for programmatic models. */
  public String source() {
    return extras.source;
  }

  /** The JavaScript file next to the model file ({@code common/models/x.js}), or null. */
  public Path script() {
    return extras.script;
  }

  /** Load-time problems that did not stop loading (e.g. an unknown base), for the start-up report. */
  public List<String> notes() {
    return extras.notes;
  }

  private List<String> strings(String key) {
    if (!(extras.settings.getValue(key) instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(String.class::isInstance).map(String.class::cast).distinct().toList();
  }

  @Override
  public String toString() {
    return "ModelDefinition[" + name + "]";
  }
}
