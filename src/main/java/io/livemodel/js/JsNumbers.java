package io.livemodel.js;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JavaScript's number-to-string and string-to-number conversions, and the Long/Double form in which
 * LiveModel stores a computed number.
 */
public final class JsNumbers {

  private static final double MAX_SAFE_INTEGER = 9007199254740991d;
  private static final double TWO_TO_63 = 9.223372036854775807E18;

  private JsNumbers() {
  }

  /**
   * JavaScript's {@code Number.prototype.toString()} for any Java number: every number is a double in
   * JavaScript, so a Long beyond 2^53 prints rounded ({@code 9223372036854775807} as
   * {@code 9223372036854776000}).
   */
  public static String toString(Number n) {
    if ((n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)
        && Math.abs(n.doubleValue()) <= MAX_SAFE_INTEGER) {
      return Long.toString(n.longValue());
    }
    return toString(n.doubleValue());
  }

  /** JavaScript's {@code Number.prototype.toString()}: {@code 1.5}, {@code 42}, {@code 1e+21}, {@code 1e-7}. */
  public static String toString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int pointPosition = decimal.precision() - decimal.scale();
    if (pointPosition > -6 && pointPosition <= 21) {
      return decimal.toPlainString();
    }
    String digits = decimal.unscaledValue().abs().toString();
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    int exponent = pointPosition - 1;
    return out.append('e').append(exponent < 0 ? "-" : "+").append(Math.abs(exponent)).toString();
  }

  /**
   * JavaScript's StringToNumber ({@code Number(string)}): trimmed decimal, hex/octal/binary literal
   * (unsigned), Infinity; blank is 0; anything else NaN.
   */
  public static double parse(String raw) {
    String s = JsValues.trim(raw);
    if (s.isEmpty()) {
      return 0;
    }
    switch (s) {
      case "Infinity":
      case "+Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (s.length() > 2 && s.charAt(0) == '0') {
      char kind = Character.toLowerCase(s.charAt(1));
      int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : kind == 'b' ? 2 : 0;
      if (radix != 0) {
        return radixNumber(s.substring(2), radix);
      }
    }
    return isDecimalLiteral(s) ? Double.parseDouble(s) : Double.NaN;
  }

  /** Whether {@code s} is exactly how JavaScript prints some finite number ({@code String(Number(s)) === s}). */
  public static boolean isCanonical(String s) {
    double d = parse(s);
    return !Double.isNaN(d) && !Double.isInfinite(d) && toString(d).equals(s);
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

  /** The value of a radix literal's digits, correctly rounded to a double; NaN for a bad digit. */
  private static double radixNumber(String digits, int radix) {
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return Double.NaN;
      }
    }
    return new BigInteger(digits, radix).doubleValue();
  }

  /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, checked by hand. */
  private static boolean isDecimalLiteral(String s) {
    int i = 0;
    int n = s.length();
    if (s.charAt(i) == '+' || s.charAt(i) == '-') {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
