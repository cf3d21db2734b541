package io.livemodel.model.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Properties typed with another model's name ({@code "address": "Address"}, {@code {"type": ["Phone"]}}):
 * juggler's {@code resolveType} builds such values as instances of that model, so their members are
 * coerced like the model's properties. LiveModel rewrites the type into the anonymous-model form
 * ({@code {"type": {...the model's properties}}}), which {@code PropertyParser} then reads as typed
 * members. Juggler's own type names (string, number, date, any, geopoint, ...) are never model names;
 * a name that is neither stays an untyped value; a model that contains itself is inlined once.
 */
final class ModelTypes {

  /** Juggler's {@code ModelBuilder.schemaTypes}, lower-cased. */
  private static final Set<String> SCHEMA_TYPES = Set.of("text", "json", "any", "string", "number", "boolean",
      "date", "datestring", "buffer", "binary", "array", "geopoint", "object");

  private ModelTypes() {
  }

  /**
   * @param properties raw property definitions (not modified)
   * @param propertiesOf the merged raw properties of a model by name, null when there is no such model
   */
  static JsonObject inline(JsonObject properties, Function<String, JsonObject> propertiesOf) {
    return inline(properties, propertiesOf, new HashSet<>());
  }

  private static JsonObject inline(JsonObject properties, Function<String, JsonObject> propertiesOf, Set<String> open) {
    JsonObject out = new JsonObject();
    for (String key : properties.fieldNames()) {
      Object definition = properties.getValue(key);
      if (definition instanceof JsonObject full && full.containsKey("type")) {
        JsonObject copy = full.copy();
        copy.put("type", type(full.getValue("type"), propertiesOf, open));
        out.put(key, copy);
      } else if (definition instanceof String || definition instanceof JsonArray) {
        Object type = type(definition, propertiesOf, open);
        out.put(key, type instanceof JsonObject model ? new JsonObject().put("type", model) : type);
      } else {
        out.put(key, SettingsMerge.copy(definition));
      }
    }
    return out;
  }

  private static Object type(Object type, Function<String, JsonObject> propertiesOf, Set<String> open) {
    if (type instanceof JsonArray array && array.size() == 1) {
      return new JsonArray().add(type(array.getValue(0), propertiesOf, open));
    }
    if (!(type instanceof String name) || SCHEMA_TYPES.contains(name.toLowerCase(Locale.ROOT)) || open.contains(name)) {
      return SettingsMerge.copy(type);
    }
    JsonObject model = propertiesOf.apply(name);
    if (model == null) {
      return type;
    }
    open.add(name);
    JsonObject members = inline(model, propertiesOf, open);
    open.remove(name);
    return members.isEmpty() ? "object" : members;
  }
}
