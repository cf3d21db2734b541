package io.livemodel.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The models a server knows, looked up by name (event-bus addresses, CRUD) or by REST path
 * ({@link ModelDefinition#restPath()}, case-insensitively as Express routes). Immutable.
 *
 * <p>{@link #all()} holds every model of the sources, non-public ones included (a non-public model is
 * still stored, and may be a relation target). Only {@link #publicModels()} have REST routes, change
 * streams and bridge addresses.
 */
public final class ModelRegistry {

  private final Map<String, ModelDefinition> byName = new LinkedHashMap<>();
  private final Map<String, ModelDefinition> byPath = new LinkedHashMap<>();
  private final List<String> notes;

  /**
   * @param models in load order; a later model replaces an earlier one of the same name
   * @throws IllegalArgumentException if two different public models share a REST path
   */
  public ModelRegistry(List<ModelDefinition> models) {
    this(models, List.of());
  }

  /**
   * @param notes load problems that concern no single model (e.g. a missing model source), for the
   *     start-up report
   */
  public ModelRegistry(List<ModelDefinition> models, List<String> notes) {
    for (ModelDefinition model : models) {
      byName.put(model.name(), model);
    }
    for (ModelDefinition model : byName.values()) {
      if (!exposed(model)) {
        continue;
      }
      ModelDefinition other = byPath.put(model.restPath().toLowerCase(Locale.ROOT), model);
      if (other != null) {
        throw new IllegalArgumentException("models " + other.name() + " and " + model.name()
            + " have the same REST path " + model.restPath());
      }
    }
    this.notes = List.copyOf(notes);
  }

  /** Public and persisted: LoopBack gives it CRUD routes. */
  private static boolean exposed(ModelDefinition model) {
    return model.isPublic() && model.persisted();
  }

  public ModelDefinition byName(String name) {
    return byName.get(name);
  }

  /** The public model whose REST path ({@code http.path}, else plural) is {@code segment}, ignoring case; null if none. */
  public ModelDefinition byPlural(String segment) {
    return byPath.get(segment.toLowerCase(Locale.ROOT));
  }

  /** Every model, public or not. */
  public Collection<ModelDefinition> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  /** The models clients may reach (REST routes, change streams, bridge addresses), in load order. */
  public Collection<ModelDefinition> publicModels() {
    return Collections.unmodifiableCollection(byPath.values());
  }

  /** Load problems that concern no single model. */
  public List<String> notes() {
    return notes;
  }
}
