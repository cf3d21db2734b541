package io.livemodel.store.pg;

import io.livemodel.js.JsNumbers;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JavaScript numbers ({@link JsNumbers}) as NUMERIC parameters, for the memory connector's loose
 * comparisons compiled to SQL. A JSON number is stored in jsonb as the exact decimal its double prints
 * as, so a double binds as {@code new BigDecimal(Double.toString(d))}.
 */
final class SqlNumbers {

  /** Beyond any double: what {@code Infinity} compares as against the finite numbers JSON stores. */
  private static final BigDecimal BEYOND_DOUBLE = new BigDecimal("1E+400");

  private SqlNumbers() {
  }

  /**
   * The number a string compares as in JS relational and loose comparisons, {@code Number(s)} (blank
   * is 0, hex/octal/binary literals count, infinities lie beyond every double), or null if NaN.
   */
  static BigDecimal numberOf(String s) {
    double d = JsNumbers.parse(s);
    if (Double.isNaN(d)) {
      return null;
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? BEYOND_DOUBLE : BEYOND_DOUBLE.negate();
    }
    return plain(d);
  }

  /** The number whose JS string form is exactly {@code s} ({@code "3"}, {@code "1e+21"}, never {@code "3.0"}), or null. */
  static BigDecimal canonicalNumber(String s) {
    return JsNumbers.isCanonical(s) ? plain(JsNumbers.parse(s)) : null;
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
      return Double.isNaN(d) || Double.isInfinite(d) ? null : Numeric.create(decimal(d));
    }
    return Numeric.create(BigDecimal.valueOf(n.longValue()));
  }

  /** {@link #decimal} without trailing zeros: {@code 3}, not {@code 3.0}. */
  private static BigDecimal plain(double d) {
    BigDecimal b = decimal(d).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0) : b;
  }

  private static BigDecimal decimal(double d) {
    return d == 0 ? BigDecimal.ZERO : new BigDecimal(Double.toString(d));
  }
}
