package io.livemodel.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The models a server serves, looked up by name (event-bus addresses, bridge) or by plural (REST
 * paths, case-insensitively as Express routes). Immutable.
 */
public final class ModelRegistry {

  private final Map<String, ModelDefinition> byName = new LinkedHashMap<>();
  private final Map<String, ModelDefinition> byPlural = new LinkedHashMap<>();

  /**
   * @param models in load order; a later model replaces an earlier one of the same name
   * @throws IllegalArgumentException if two different models share a plural
   */
  public ModelRegistry(List<ModelDefinition> models) {
    for (ModelDefinition model : models) {
      byName.put(model.name(), model);
    }
    for (ModelDefinition model : byName.values()) {
      ModelDefinition other = byPlural.put(model.plural().toLowerCase(Locale.ROOT), model);
      if (other != null) {
        throw new IllegalArgumentException("models " + other.name() + " and " + model.name()
            + " have the same plural " + model.plural());
      }
    }
  }

  public ModelDefinition byName(String name) {
    return byName.get(name);
  }

  /** The model whose plural is {@code segment}, ignoring case; null if none. */
  public ModelDefinition byPlural(String segment) {
    return byPlural.get(segment.toLowerCase(Locale.ROOT));
  }

  public Collection<ModelDefinition> all() {
    return Collections.unmodifiableCollection(byName.values());
  }
}
