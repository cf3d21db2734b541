package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * JavaScript's conversions ({@code Number(x)}, {@code String(x)}, {@code Boolean(x)}, number
 * formatting, {@code JSON.stringify} of a string) on Vert.x JSON values, so that coercions give
 * exactly what LoopBack's juggler gives.
 *
 * <p>JSON values are {@code null}, {@link String}, {@link Number}, {@link Boolean}, {@link JsonObject}
 * and {@link JsonArray}. Numbers computed here are doubles; {@link #toJsonNumber} turns them back into
 * the Long/Double the rest of LiveModel stores (NaN and infinities have no JSON form: null).
 */
public final class JsValues {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
  private static final Pattern BINARY = Pattern.compile("0[bB][01]+");
  private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
  private static final double TWO_TO_63 = 9.223372036854775807E18;

  private JsValues() {
  }

  /** JS {@code Number(value)}; {@code null} gives 0 as in JS (callers keep top-level nulls themselves). */
  public static double toNumber(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    if (value instanceof String string) {
      return parseNumber(string);
    }
    if (value instanceof JsonArray array) {
      return parseNumber(toJsString(array));
    }
    return Double.NaN;
  }

  /** JS {@code Number(string)}: trimmed decimal, hex/binary/octal literals, Infinity; "" gives 0, else NaN. */
  public static double parseNumber(String raw) {
    String text = trim(raw);
    if (text.isEmpty()) {
      return 0;
    }
    switch (text) {
      case "Infinity", "+Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default: break;
    }
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    int radix = HEX.matcher(text).matches() ? 16
        : BINARY.matcher(text).matches() ? 2 : OCTAL.matcher(text).matches() ? 8 : 0;
    return radix == 0 ? Double.NaN : new BigInteger(text.substring(2), radix).doubleValue();
  }

  /** JS {@code Boolean(value)} (truthiness). */
  public static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof String string) {
      return !string.isEmpty();
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    return true;
  }

  /** JS {@code String(value)}: arrays are joined with commas (null items empty), objects {@code [object Object]}. */
  public static String toJsString(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return numberToString(((Number) value).doubleValue());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof JsonArray array) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        Object item = array.getValue(i);
        out.append(item == null ? "" : toJsString(item));
      }
      return out.toString();
    }
    return "[object Object]";
  }

  /** JS {@code Number.prototype.toString()} of a double: {@code 1.5}, {@code 42}, {@code 1e+21}, {@code 1e-7}. */
  public static String numberToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    String sign = d < 0 ? "-" : "";
    if (k <= n && n <= 21) {
      return sign + digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return sign + digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return sign + "0." + "0".repeat(-n) + digits;
    }
    int exponent = n - 1;
    String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
  }

  /**
   * A computed number in the form LiveModel stores: integral values as Long (as JSON writes {@code 42},
   * not {@code 42.0}), others as Double, NaN and infinities as null (JSON.stringify's null).
   */
  public static Object toJsonNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    if (d == Math.rint(d) && Math.abs(d) < TWO_TO_63) {
      return (long) d;
    }
    return d;
  }

  /** A JSON number as stored: Long for integers that fit, else as {@link #toJsonNumber(double)}. */
  public static Object toJsonNumber(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    return toJsonNumber(number.doubleValue());
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
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** JS {@code String.prototype.trim()}: strips JS white space and line terminators. */
  public static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isJsWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isJsWhitespace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0xFEFF
        || Character.isSpaceChar(c);
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
