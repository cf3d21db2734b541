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
 * full ({@code {type, required, default, defaultFn, id, generated, ...}}; other keys are ignored).
 * Type names are case-insensitive: {@code string}, {@code number}, {@code boolean}, {@code date},
 * {@code object}, {@code array}, {@code any}; {@code ["t"]} is an array of {@code t}, an object type is
 * an embedded anonymous model (OBJECT). Every other name ({@code GeoPoint}, {@code Buffer},
 * {@code text}, {@code json}, a model name) is ANY: juggler does not coerce those to a JSON type. A
 * property whose definition is {@code null} or {@code false} is removed, as in LoopBack.
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
      PropertyDefinition p = result.get(idName);
      result.put(idName, new PropertyDefinition(p.name(), p.type(), p.itemType(), p.required(),
          p.defaultValue(), true, p.generated()));
    }
    return result;
  }

  private static PropertyDefinition property(String name, Object definition) {
    if (definition instanceof JsonObject full) {
      Object type = full.containsKey("type") ? full.getValue("type") : full;
      PropertyType[] types = resolve(name, type);
      Object def = full.getValue("default");
      if (def == null && "now".equals(full.getValue("defaultFn")) && types[0] == PropertyType.DATE) {
        def = "$now";
      }
      return new PropertyDefinition(name, types[0], types[1], JsValues.truthy(full.getValue("required")),
          def, false, JsValues.truthy(full.getValue("generated")));
    }
    PropertyType[] types = resolve(name, definition);
    return new PropertyDefinition(name, types[0], types[1], false, null, false, false);
  }

  /** {type, itemType} for a type value: a name, an array {@code [itemType]}, or an object (embedded model). */
  private static PropertyType[] resolve(String name, Object type) {
    if (type instanceof String typeName) {
      PropertyType resolved = named(typeName);
      return new PropertyType[] {resolved, resolved == PropertyType.ARRAY ? PropertyType.ANY : null};
    }
    if (type instanceof JsonArray array) {
      Object first = array.isEmpty() ? null : array.getValue(0);
      PropertyType item = first == null ? PropertyType.ANY : resolve(name, first)[0];
      return new PropertyType[] {PropertyType.ARRAY, item == PropertyType.ARRAY ? PropertyType.ANY : item};
    }
    if (type instanceof JsonObject) {
      return new PropertyType[] {PropertyType.OBJECT, null};
    }
    throw new IllegalArgumentException("property \"" + name + "\" has an invalid type: " + Values.stringify(type));
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
