package io.livemodel.model;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model loaded from a LoopBack model-definition file ({@code conf/models/*.json}).
 *
 * <p>Immutable. {@link #properties()} keeps the declaration order, which is also the key order of
 * instances in responses (declared properties first, then the id, then undeclared ones).
 * When the file declares no id property and {@code idInjection} is not false, an {@code id} property
 * of type number, generated, is added last, as LoopBack does.
 */
public final class ModelDefinition {

  private final String name;
  private final String plural;
  private final boolean strict;
  private final boolean forceId;
  private final Map<String, PropertyDefinition> properties;
  private final PropertyDefinition idProperty;
  private final JsonObject relationsJson;

  public ModelDefinition(String name, String plural, boolean strict, boolean forceId,
                         Map<String, PropertyDefinition> properties) {
    this(name, plural, strict, forceId, properties, new JsonObject());
  }

  private ModelDefinition(String name, String plural, boolean strict, boolean forceId,
                          Map<String, PropertyDefinition> properties, JsonObject relationsJson) {
    this.relationsJson = relationsJson;
    this.name = name;
    this.plural = plural;
    this.strict = strict;
    this.forceId = forceId;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    this.idProperty = properties.values().stream().filter(PropertyDefinition::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("model " + name + " has no id property"));
  }

  public String name() {
    return name;
  }

  /** The REST path segment, e.g. {@code MyModels}. */
  public String plural() {
    return plural;
  }

  /** {@code strict: true}: undeclared properties are rejected (LoopBack: 422 {@code unknown-property}). */
  public boolean strict() {
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

  /**
   * The model file's {@code relations} object as written (possibly empty), read by
   * {@code io.livemodel.relation.Relations}. A copy: callers may not change the model through it.
   */
  public JsonObject relationsJson() {
    return relationsJson.copy();
  }

  /** This model with another {@code relations} object (copied). */
  public ModelDefinition withRelationsJson(JsonObject relations) {
    return new ModelDefinition(name, plural, strict, forceId, properties,
        relations == null ? new JsonObject() : relations.copy());
  }

  @Override
  public String toString() {
    return "ModelDefinition[" + name + "]";
  }
}
