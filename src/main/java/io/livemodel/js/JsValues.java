package io.livemodel.js;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JavaScript value semantics LoopBack relies on ({@code String(x)}, {@code Number(x)},
 * truthiness, {@code trim()}, {@code JSON.stringify} of a string, the memory connector's property
 * paths), applied to Vert.x JSON values, so that the filter engine, the model's coercions and the
 * PostgreSQL compiler all give what LoopBack gives.
 *
 * <p>{@link #UNDEFINED} stands for {@code undefined} (an absent property) and is distinct from JSON
 * {@code null}. An {@link Instant} (always valid) or a {@link JsDate} (possibly invalid) plays the
 * part of a JavaScript {@code Date}.
 */
public final class JsValues {

  /** JavaScript's {@code undefined}: the value of an absent property. */
  public static final Object UNDEFINED = new Object() {
    @Override
    public String toString() {
      return "undefined";
    }
  };

  private JsValues() {
  }

  public static boolean isNullish(Object value) {
    return value == null || value == UNDEFINED;
  }

  /** Whether {@code value} is a JSON object or array (a JavaScript object other than a Date). */
  public static boolean isObjectLike(Object value) {
    return value instanceof JsonObject || value instanceof Map || value instanceof JsonArray
        || value instanceof List;
  }

  public static boolean truthy(Object value) {
    if (isNullish(value)) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    return true;
  }

  /** The elements of a JSON array or list, with nested maps and lists wrapped as Vert.x JSON. */
  public static List<Object> elements(Object array) {
    List<Object> out = new ArrayList<>();
    if (array instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(a.getValue(i));
      }
    } else if (array instanceof List<?> list) {
      for (Object item : list) {
        out.add(wrap(item));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static Object wrap(Object value) {
    if (value instanceof Map<?, ?> m) {
      return new JsonObject((Map<String, Object>) m);
    }
    if (value instanceof List<?> l) {
      return new JsonArray((List<Object>) l);
    }
    return value;
  }

  /** JavaScript's {@code String(value)}. */
  public static String toJsString(Object value) {
    if (value == UNDEFINED) {
      return "undefined";
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n) {
      return JsNumbers.toString(n);
    }
    if (value instanceof Instant i) {
      return JsDates.toDateString(i.toEpochMilli());
    }
    if (value instanceof JsDate d) {
      return d.isValid() ? JsDates.toDateString(d.millis()) : "Invalid Date";
    }
    if (value instanceof JsonObject || value instanceof Map) {
      return "[object Object]";
    }
    if (value instanceof JsonArray || value instanceof List) {
      StringBuilder out = new StringBuilder();
      List<Object> items = elements(value);
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        Object item = items.get(i);
        if (!isNullish(item)) {
          out.append(toJsString(item));
        }
      }
      return out.toString();
    }
    return String.valueOf(value);
  }

  /** JavaScript's {@code Number(value)}; NaN when it is not a number. */
  public static double toNumber(Object value) {
    if (value == UNDEFINED) {
      return Double.NaN;
    }
    if (value == null) {
      return 0;
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      return JsNumbers.parse(s);
    }
    if (value instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (value instanceof JsDate d) {
      return d.isValid() ? d.millis() : Double.NaN;
    }
    if (value instanceof JsonArray || value instanceof List) {
      return JsNumbers.parse(toJsString(value));
    }
    return Double.NaN;
  }

  /** JavaScript's WhiteSpace and LineTerminator characters (what {@code \s} and trim() use). */
  public static boolean isJsWhitespace(char c) {
    switch (c) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0xA0: case 0x1680:
      case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  /** JavaScript's {@code String.prototype.trim()}. */
  public static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * The memory connector's {@code getValue(obj, "a.b.c")}: walks the dotted path; stops at the first
   * null or absent step (returning null or {@link #UNDEFINED} as found).
   */
  public static Object getValue(Object root, String path) {
    if (isNullish(root)) {
      return UNDEFINED;
    }
    Object value = root;
    int start = 0;
    while (true) {
      int dot = path.indexOf('.', start);
      String segment = dot < 0 ? path.substring(start) : path.substring(start, dot);
      value = member(value, segment);
      if (isNullish(value) || dot < 0) {
        return value;
      }
      start = dot + 1;
    }
  }

  /** {@code value[key]} for a JSON value. */
  public static Object member(Object value, String key) {
    if (value instanceof JsonObject o) {
      // One hash lookup for a present key (the scan's hot path); a second only to tell null from absent.
      Object found = o.getValue(key);
      return found != null || o.containsKey(key) ? found : UNDEFINED;
    }
    if (value instanceof JsonArray a) {
      if ("length".equals(key)) {
        return a.size();
      }
      int index = arrayIndex(key);
      return index >= 0 && index < a.size() ? a.getValue(index) : UNDEFINED;
    }
    if (value instanceof String s && "length".equals(key)) {
      return s.length();
    }
    return UNDEFINED;
  }

  /** The array index a canonical decimal key denotes ({@code "0"}, {@code "12"}), or -1. */
  public static int arrayIndex(String key) {
    if (key.isEmpty() || key.length() > 9 || (key.length() > 1 && key.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(key);
  }

  /** JS {@code JSON.stringify(string)}: quotes, backslash and control characters escaped. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(value, i)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
