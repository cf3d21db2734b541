package io.livemodel.model;

import io.livemodel.js.JsDate;
import io.livemodel.js.JsDates;
import io.livemodel.js.JsNumbers;
import io.livemodel.js.JsValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The failures of one instance's validation, collected in juggler's order, turned into LoopBack's 422
 * {@code ValidationError} by {@link #toApiError}.
 *
 * <p>Each failure records the value the instance held, rendered as juggler renders it in the message:
 * {@code undefined}, {@code null}, strings JSON-quoted and cut to 32 characters, numbers as JS prints
 * them, dates as ISO strings or {@code Invalid Date}, arrays and objects like Node's
 * {@code util.inspect}. Not thread-safe; one per validation.
 */
public final class ValidationErrors {

  /** Juggler's {@code ValidationError.maxPropertyStringLength}. */
  private static final int MAX_VALUE_LENGTH = 32;
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final String modelName;
  private final JsonObject codes = new JsonObject();
  private final JsonObject messages = new JsonObject();
  private final Map<String, String> values = new LinkedHashMap<>();

  public ValidationErrors(String modelName) {
    this.modelName = modelName;
  }

  /**
   * Records a failure of {@code property}.
   *
   * @param value the instance's value: a JSON value, {@link JsValues#UNDEFINED}, a {@link JsDate} or a
   *     Double NaN
   */
  public void add(String property, String code, String message, Object value) {
    append(codes, property, code);
    append(messages, property, message);
    values.putIfAbsent(property, render(value));
  }

  public boolean isEmpty() {
    return codes.isEmpty();
  }

  /** The 422 with {@code details: {context, codes, messages}} and juggler's message. */
  public ApiError toApiError() {
    return ApiError.validation(modelName, codes, messages, values);
  }

  private static void append(JsonObject target, String property, String entry) {
    JsonArray list = target.getJsonArray(property);
    if (list == null) {
      list = new JsonArray();
      target.put(property, list);
    }
    list.add(entry);
  }

  /** The value as juggler's {@code formatPropertyError} prints it. */
  static String render(Object value) {
    if (value == JsValues.UNDEFINED) {
      return "undefined";
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof String string) {
      return JsValues.quote(truncate(string));
    }
    if (value instanceof JsDate date) {
      return date.isValid() ? JsDates.toIsoString(date.millis()) : "Invalid Date";
    }
    if (value instanceof JsonArray || value instanceof JsonObject) {
      return truncate(inspect(value, 0));
    }
    return truncate(value instanceof Number number && !(value instanceof Long || value instanceof Integer)
        ? JsNumbers.toString(number.doubleValue()) : String.valueOf(value));
  }

  /** Juggler's {@code truncatePropertyString}: keeps up to 3 closing characters at the end. */
  static String truncate(String value) {
    int length = MAX_VALUE_LENGTH;
    if (value.length() <= length) {
      return value;
    }
    // Juggler's value.match(/([ \t})\]]+)$/), read from the end (a regex search backtracks
    // quadratically over a long run of those characters that does not reach the end).
    int start = value.length();
    while (start > 0 && " \t})]".indexOf(value.charAt(start - 1)) >= 0) {
      start--;
    }
    String tail = start < value.length()
        ? value.substring(Math.max(start, value.length() - 3))
        : value.substring(value.length() - 3);
    length -= tail.length();
    return value.substring(0, length - 4) + "..." + tail;
  }

  /** A one-line {@code util.inspect}: arrays to depth 1, objects to depth 0. */
  private static String inspect(Object value, int depth) {
    if (value instanceof JsonArray array) {
      if (array.isEmpty()) {
        return "[]";
      }
      if (depth > 0) {
        return "[Array]";
      }
      StringBuilder out = new StringBuilder("[ ");
      for (int i = 0; i < array.size(); i++) {
        out.append(i > 0 ? ", " : "").append(inspect(array.getValue(i), depth + 1));
      }
      return out.append(" ]").toString();
    }
    if (value instanceof JsonObject object) {
      if (object.isEmpty()) {
        return "{}";
      }
      if (depth > 0) {
        return "[Object]";
      }
      StringBuilder out = new StringBuilder("{ ");
      boolean first = true;
      for (Map.Entry<String, Object> entry : object) {
        String key = PLAIN_KEY.matcher(entry.getKey()).matches() ? entry.getKey() : "'" + entry.getKey() + "'";
        out.append(first ? "" : ", ").append(key).append(": ").append(inspect(entry.getValue(), depth + 1));
        first = false;
      }
      return out.append(" }").toString();
    }
    if (value instanceof String string) {
      return "'" + string.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    return value instanceof Double d ? JsNumbers.toString(d) : String.valueOf(value);
  }
}
