package io.livemodel.model;

import io.livemodel.js.JsDate;
import io.livemodel.js.JsDates;
import io.livemodel.js.JsNumbers;
import io.livemodel.js.JsValues;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Coercion of one property value to its declared type, as juggler's property setters do it
 * (loopback-datasource-juggler 3.x {@code ModelBuilder} setters, {@code BooleanType}, {@code DateType}
 * and {@code List}).
 *
 * <p>During {@link Instances#prepare} values live in an intermediate form that keeps what JSON cannot
 * say but validation needs: {@link JsValues#UNDEFINED}, NaN (a Double) and {@link JsDate}s. {@link #toJson}
 * turns them into stored JSON values.
 *
 * <table>
 *   <caption>Top-level coercions (null always stays null)</caption>
 *   <tr><th>type</th><th>result</th></tr>
 *   <tr><td>STRING</td><td>JS {@code String(x)}: {@code 123 -> "123"}, {@code [1,2] -> "1,2"},
 *       objects {@code "[object Object]"}</td></tr>
 *   <tr><td>NUMBER</td><td>JS {@code Number(x)}: {@code "42" -> 42}, {@code "" -> 0}, {@code true -> 1},
 *       {@code "abc" -> NaN} (stored as null, no error)</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@code "true"}/{@code "1"} true, {@code "false"}/{@code "0"} false, otherwise
 *       JS {@code Boolean(x)}: {@code ""}, {@code 0} false; {@code "yes"}, {@code "no"}, objects true</td></tr>
 *   <tr><td>DATE</td><td>{@code new Date(x)}: strings parsed ({@link JsDates}), numbers as epoch millis</td></tr>
 *   <tr><td>ARRAY</td><td>juggler's {@code List}: a string is JSON-parsed (400 if it is not JSON), a falsy
 *       value is {@code []}, a non-array is a 400; items coerced by the item type</td></tr>
 *   <tr><td>OBJECT, ANY</td><td>unchanged</td></tr>
 * </table>
 */
public final class Values {

  private Values() {
  }

  /**
   * The setter coercion of a value present in the data.
   *
   * @throws ApiError 400 when an ARRAY property gets something that is not a list
   */
  public static Object coerce(PropertyDefinition property, Object raw) {
    if (raw == null) {
      return null;
    }
    return switch (property.type()) {
      case STRING -> JsValues.toJsString(raw);
      case NUMBER -> raw instanceof Number number ? number : (Object) JsValues.toNumber(raw);
      case BOOLEAN -> toBoolean(raw);
      case DATE -> toDate(raw);
      case ARRAY -> toList(raw, property.itemType());
      case OBJECT, ANY -> copy(raw);
    };
  }

  /** Juggler's relaxed {@code BooleanType}: {@code "false"} and {@code "0"} are false. */
  public static Boolean toBoolean(Object raw) {
    if (raw == null) {
      return null;
    }
    if ("true".equals(raw) || "1".equals(raw)) {
      return true;
    }
    if ("false".equals(raw) || "0".equals(raw)) {
      return false;
    }
    return JsValues.truthy(raw);
  }

  /** {@code new Date(raw)}: numbers (and booleans, as 0/1) are epoch millis, strings are parsed. */
  public static JsDate toDate(Object raw) {
    return JsDates.toDate(raw);
  }

  /** Juggler's {@code List(items, itemType)}; items that are arrays are kept as they are. */
  public static JsonArray toList(Object raw, PropertyType itemType) {
    Object items = raw;
    if (raw instanceof String string) {
      try {
        items = Json.decodeValue(string);
      } catch (DecodeException e) {
        throw ApiError.badRequest("could not create List from JSON string: " + JsValues.quote(string));
      }
    }
    if (!JsValues.truthy(items)) {
      return new JsonArray();
    }
    if (!(items instanceof JsonArray array)) {
      throw ApiError.badRequest("Items must be an array: " + stringify(items));
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      out.add(item instanceof JsonArray ? copy(item) : toItem(item, itemType));
    }
    return out;
  }

  /** The stored JSON form of an intermediate value (never called with {@link JsValues#UNDEFINED}). */
  public static Object toJson(Object value) {
    if (value instanceof JsDate date) {
      return date.isValid() ? JsDates.toIsoString(date.millis()) : null;
    }
    if (value instanceof Number number) {
      return JsNumbers.toJsonNumber(number);
    }
    return value;
  }

  /**
   * Juggler's {@code blank()} for the presence and absence validations: undefined, null, {@code ""},
   * {@code []} and NaN. An OBJECT property holds a JS wrapper object for a primitive, so {@code ""} is
   * not blank there.
   */
  public static boolean blank(Object value, PropertyType type) {
    if (value == JsValues.UNDEFINED || value == null) {
      return true;
    }
    if (value instanceof JsonArray array) {
      return array.isEmpty();
    }
    if (value instanceof Double d) {
      return d.isNaN();
    }
    return value instanceof String string && string.isEmpty() && type != PropertyType.OBJECT;
  }

  private static Object toItem(Object item, PropertyType itemType) {
    return switch (itemType == null ? PropertyType.ANY : itemType) {
      case STRING -> JsValues.toJsString(item);
      case NUMBER -> item instanceof Number number ? JsNumbers.toJsonNumber(number)
          : JsNumbers.toJsonNumber(JsValues.toNumber(item));
      case BOOLEAN -> JsValues.truthy(item);
      case DATE -> item == null ? null : toJson(toDate(item));
      case OBJECT -> item == null ? new JsonObject() : copy(item);
      case ARRAY, ANY -> copy(item);
    };
  }

  /** {@code JSON.stringify} of a JSON value, numbers printed as JS prints them. */
  static String stringify(Object value) {
    if (value instanceof Number number && !(value instanceof Long || value instanceof Integer)) {
      return JsNumbers.toString(number.doubleValue());
    }
    return Json.encode(value);
  }

  /** A copy of a JSON value that the caller may keep: nested objects and arrays are never shared. */
  public static Object copy(Object value) {
    if (value instanceof JsonObject object) {
      return object.copy();
    }
    if (value instanceof JsonArray array) {
      return array.copy();
    }
    return value;
  }
}
