package io.livemodel.filter;

import io.livemodel.js.JsDates;
import io.livemodel.js.JsNumbers;
import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.model.PropertyType;
import io.livemodel.model.Values;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Juggler's coercion of where values to a declared property's type ({@code String(x)},
 * {@code NumberType}, {@code BooleanType}, {@code DateType}), and its {@code coerceArray}.
 */
final class Coercion {

  private Coercion() {
  }

  /**
   * Whether juggler coerces where values of this property (and so unwraps {@code eq} and rejects
   * {@code $}-operators). Untyped lists ({@code []}, {@code ["any"]}) and {@code any} are not.
   */
  static boolean isTyped(PropertyDefinition property) {
    if (property == null) {
      return false;
    }
    PropertyType type = effectiveType(property);
    return type != null && type != PropertyType.ANY;
  }

  private static PropertyType effectiveType(PropertyDefinition property) {
    return property.type() == PropertyType.ARRAY ? property.itemType() : property.type();
  }

  /** The value coerced to the property's (item) type; {@code value} must not be null. */
  static Object coerce(PropertyDefinition property, Object value) {
    PropertyType type = effectiveType(property);
    switch (type) {
      case STRING:
        return JsValues.toJsString(value);
      case NUMBER:
        return toNumberType(value);
      case BOOLEAN:
        return Values.toBoolean(value);
      case DATE:
        return toDateType(value);
      default:
        return value;
    }
  }

  /** {@code NumberType}: the number, as Long when integral, or the value unchanged if NaN; Infinity stays. */
  static Object toNumberType(Object value) {
    double d = JsValues.toNumber(value);
    if (Double.isNaN(d)) {
      return value;
    }
    return Double.isInfinite(d) ? d : JsNumbers.toJsonNumber(d);
  }

  /**
   * {@code DateType}: {@code new Date(value)}.
   *
   * @throws ApiError 400 (LoopBack fails with a plain {@code Invalid date} error, a 500)
   */
  static Instant toDateType(Object value) {
    Instant instant = JsDates.toInstant(value);
    if (instant == null) {
      throw ApiError.badRequest("Invalid date: " + JsValues.toJsString(value));
    }
    return instant;
  }

  /**
   * Juggler's {@code coerceArray}: a JSON array, or an object whose keys are exactly
   * {@code "0".."n-1"} (what {@code qs} makes of sparse or long bracket arrays), as a list.
   *
   * @return null when the value is neither (the message is then {@link #NOT_AN_ARRAY})
   */
  static List<Object> coerceArray(Object value) {
    if (value instanceof io.vertx.core.json.JsonArray || value instanceof List) {
      return JsValues.elements(value);
    }
    if (!(value instanceof JsonObject object) || object.isEmpty()) {
      return null;
    }
    List<Object> items = new ArrayList<>(object.size());
    for (int i = 0; i < object.size(); i++) {
      String key = Integer.toString(i);
      if (!object.containsKey(key)) {
        return null;
      }
      items.add(object.getValue(key));
    }
    return items;
  }

  /** The reason {@link #coerceArray} gives for a value it rejects. */
  static String coerceArrayError(Object value) {
    if (value instanceof JsonObject object && object.isEmpty()) {
      return "Value is an empty object";
    }
    return "Value is not an array or object with sequential numeric indices";
  }
}
