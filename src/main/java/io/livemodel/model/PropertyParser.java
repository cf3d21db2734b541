package io.livemodel.model;

import io.livemodel.js.JsValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code properties} of a LoopBack model definition into {@link PropertyDefinition}s, and
 * adds the injected id, as juggler's {@code ModelBuilder} does.
 *
 * <p>A property is written in shorthand ({@code "title": "string"}, {@code "tags": ["string"]}) or in
 * full ({@code {type, required, default, defaultFn, applyDefaultOnWrites, id, generated, ...}};
 * other keys are ignored here and reported by {@link ModelReport}). Type names are
 * case-insensitive: {@code string}, {@code number}, {@code boolean}, {@code date}, {@code object},
 * {@code array}, {@code any}; {@code ["t"]} is an array of {@code t}; an object type
 * ({@code {"type": {"street": "string"}}}, or a definition without {@code type}) is an anonymous
 * embedded model: OBJECT with typed {@link PropertyDefinition#members()} (a model's name has been
 * rewritten to that form by the loader). Every other name ({@code GeoPoint}, {@code Buffer},
 * {@code text}, {@code json}) is ANY: juggler does not coerce those to a JSON type. A property whose
 * definition is {@code null} or {@code false} is removed, as in LoopBack.
 */
final class PropertyParser {

  private PropertyParser() {
  }

  /**
   * The properties in declaration order, the id property included.
   *
   * @param idInjection whether an {@code id} (number, generated) is added when no property has {@code id}
   * @throws IllegalArgumentException for a property definition of a type juggler cannot resolve
   */
  static Map<String, PropertyDefinition> parse(Object properties, boolean idInjection) {
    if (properties != null && !(properties instanceof JsonObject)) {
      throw new IllegalArgumentException("\"properties\" must be an object, got " + Values.stringify(properties));
    }
    Map<String, PropertyDefinition> result = new LinkedHashMap<>();
    String idName = null;
    double idRank = Double.MAX_VALUE;
    JsonObject declared = properties == null ? new JsonObject() : (JsonObject) properties;
    for (String name : declared.fieldNames()) {
      Object definition = declared.getValue(name);
      if (definition == null || Boolean.FALSE.equals(definition)) {
        continue;
      }
      Object rawId = definition instanceof JsonObject full ? full.getValue("id") : null;
      if (JsValues.truthy(rawId)) {
        double rank = rawId instanceof Number number ? number.doubleValue() : 1;
        if (rank < idRank) {
          idRank = rank;
          idName = name;
        }
      }
      result.put(name, property(name, definition));
    }
    if (idName == null && idInjection) {
      // Like ModelBuilder.defineProperty('id', ...): replaces a declared "id" in place, else appends.
      result.put("id", new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, true, true));
    } else if (idName != null) {
      result.put(idName, result.get(idName).asId());
    }
    return result;
  }

  private static PropertyDefinition property(String name, Object definition) {
    if (definition instanceof JsonObject full) {
      // {type: ...} is a full definition; an object without "type" is itself an anonymous model type.
      Object type = full.containsKey("type") ? full.getValue("type") : full;
      Typed typed = resolve(name, type);
      Object fn = full.getValue("defaultFn");
      boolean onWrites = !full.containsKey("applyDefaultOnWrites") || JsValues.truthy(full.getValue("applyDefaultOnWrites"));
      return new PropertyDefinition(name, typed.type, typed.itemType, JsValues.truthy(full.getValue("required")),
          full.getValue("default"), false, JsValues.truthy(full.getValue("generated")),
          fn instanceof String s ? s : null, onWrites, typed.members);
    }
    Typed typed = resolve(name, definition);
    return new PropertyDefinition(name, typed.type, typed.itemType, false, null, false, false, null, true,
        typed.members);
  }

  /** A resolved type: the property type, the item type of arrays, the members of anonymous models. */
  private record Typed(PropertyType type, PropertyType itemType, Map<String, PropertyDefinition> members) {
  }

  /** For a type value: a name, an array {@code [itemType]}, or an object (an anonymous embedded model). */
  private static Typed resolve(String name, Object type) {
    if (type instanceof String typeName) {
      PropertyType resolved = named(typeName);
      return new Typed(resolved, resolved == PropertyType.ARRAY ? PropertyType.ANY : null, null);
    }
    if (type instanceof JsonArray array) {
      Object first = array.isEmpty() ? null : array.getValue(0);
      Typed item = first == null ? new Typed(PropertyType.ANY, null, null) : resolve(name, first);
      return item.type == PropertyType.ARRAY ? new Typed(PropertyType.ARRAY, PropertyType.ANY, null)
          : new Typed(PropertyType.ARRAY, item.type, item.members);
    }
    if (type instanceof JsonObject anonymous) {
      return new Typed(PropertyType.OBJECT, null, anonymous.isEmpty() ? null : members(anonymous));
    }
    throw new IllegalArgumentException("property \"" + name + "\" has an invalid type: " + Values.stringify(type));
  }

  /**
   * The properties of an anonymous model (juggler defines one with {@code idInjection: false},
   * not strict). A member whose type cannot be resolved is ANY rather than an error: juggler does not
   * refuse it either.
   */
  private static Map<String, PropertyDefinition> members(JsonObject declared) {
    Map<String, PropertyDefinition> result = new LinkedHashMap<>();
    for (String member : declared.fieldNames()) {
      Object definition = declared.getValue(member);
      if (definition == null || Boolean.FALSE.equals(definition)) {
        continue;
      }
      try {
        result.put(member, property(member, definition));
      } catch (IllegalArgumentException e) {
        result.put(member, new PropertyDefinition(member, PropertyType.ANY, null, false, null, false, false));
      }
    }
    return result;
  }

  private static PropertyType named(String typeName) {
    return switch (typeName.toLowerCase(Locale.ROOT)) {
      case "string" -> PropertyType.STRING;
      case "number" -> PropertyType.NUMBER;
      case "boolean" -> PropertyType.BOOLEAN;
      case "date" -> PropertyType.DATE;
      case "object" -> PropertyType.OBJECT;
      case "array" -> PropertyType.ARRAY;
      default -> PropertyType.ANY;
    };
  }
}
