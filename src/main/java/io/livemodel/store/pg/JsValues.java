package io.livemodel.store.pg;

import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** How JavaScript sees Java numbers and numeric strings, for the memory connector's loose comparisons. */
final class JsValues {

  /** What JS's {@code Number(s)} accepts (decimal forms only), e.g. {@code " 3.5e2 "}. */
  private static final Pattern NUMERIC = Pattern.compile("\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*");
  /** A string that a JS number prints as, e.g. {@code "3"} or {@code "-0.5"}, never {@code "3.0"}. */
  private static final Pattern CANONICAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d*[1-9])?");

  private JsValues() {
  }

  /** JS's {@code String(n)} for the numbers JSON carries in practice. */
  static String toJsString(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN";
      }
      if (d == 0) {
        return "0";
      }
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    if (n instanceof BigDecimal b) {
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    return n.toString();
  }

  /** The number a string compares as in JS relational comparisons (blank is 0), or null if NaN. */
  static BigDecimal numberOf(String s) {
    if (s.isBlank()) {
      return BigDecimal.ZERO;
    }
    if (!NUMERIC.matcher(s).matches()) {
      return null;
    }
    try {
      return new BigDecimal(s.trim().replace("+", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The number whose JS string form is exactly {@code s}, or null. */
  static BigDecimal canonicalNumber(String s) {
    return CANONICAL.matcher(s).matches() && !s.equals("-0") ? new BigDecimal(s) : null;
  }

  /** A bindable NUMERIC, or null for NaN/infinite values, which no stored JSON number equals. */
  static Numeric numeric(Number n) {
    if (n instanceof BigDecimal b) {
      return Numeric.create(b);
    }
    if (n instanceof BigInteger b) {
      return Numeric.create(new BigDecimal(b));
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isNaN(d) || Double.isInfinite(d) ? null : Numeric.create(new BigDecimal(Double.toString(d)));
    }
    return Numeric.create(BigDecimal.valueOf(n.longValue()));
  }
}
