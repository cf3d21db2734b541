package io.livemodel.filter;

import java.math.BigDecimal;

/** JavaScript's number-to-string and string-to-number conversions. */
final class JsNumbers {

  private static final double MAX_SAFE_INTEGER = 9007199254740991d;

  private JsNumbers() {
  }

  /** JavaScript's {@code Number.prototype.toString()} for any Java number. */
  static String toString(Number n) {
    if ((n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)
        && Math.abs(n.doubleValue()) <= MAX_SAFE_INTEGER) {
      return Long.toString(n.longValue());
    }
    double d = n.doubleValue();
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

  /** JavaScript's StringToNumber: trimmed decimal, hex/octal/binary literal, Infinity, or NaN. */
  static double parse(String raw) {
    String s = JsValues.trimJs(raw);
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

  private static double radixNumber(String digits, int radix) {
    double result = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = Character.digit(digits.charAt(i), radix);
      if (digit < 0) {
        return Double.NaN;
      }
      result = result * radix + digit;
    }
    return result;
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
