package io.livemodel.filter;

import static io.livemodel.js.JsValues.isNullish;
import static io.livemodel.js.JsValues.isObjectLike;
import static io.livemodel.js.JsValues.toJsString;
import static io.livemodel.js.JsValues.toNumber;

import java.time.Instant;

/**
 * JavaScript comparisons as the memory connector uses them: loose equality ({@code ==}), the
 * relational operators ({@code <}, {@code >}) and the connector's own {@code compare(a, b)}.
 *
 * <p>One deliberate difference: two dates are equal when they denote the same instant (JavaScript's
 * {@code ==} compares Date objects by identity, so LoopBack's {@code inq} on dates never matches).
 */
final class JsCompare {

  private JsCompare() {
  }

  /** JavaScript's {@code a == b}. */
  static boolean looseEquals(Object a, Object b) {
    if (isNullish(a) || isNullish(b)) {
      return isNullish(a) && isNullish(b);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.equals(y);
    }
    boolean objectA = isObjectLike(a) || a instanceof Instant;
    boolean objectB = isObjectLike(b) || b instanceof Instant;
    if (objectA && objectB) {
      return false;
    }
    if (objectA) {
      return looseEquals(toJsString(a), b);
    }
    if (objectB) {
      return looseEquals(a, toJsString(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.equals(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.equals(y);
    }
    return toNumber(a) == toNumber(b);
  }

  /** JavaScript's {@code a < b}. */
  static boolean lessThan(Object a, Object b) {
    Object x = toPrimitiveNumberHint(a);
    Object y = toPrimitiveNumberHint(b);
    if (x instanceof String sx && y instanceof String sy) {
      return sx.compareTo(sy) < 0;
    }
    return toNumber(x) < toNumber(y);
  }

  private static Object toPrimitiveNumberHint(Object value) {
    if (value instanceof Instant i) {
      return (double) i.toEpochMilli();
    }
    if (isObjectLike(value)) {
      return toJsString(value);
    }
    return value;
  }

  /**
   * The memory connector's {@code compare(val1, val2)}: positive, zero or negative, or NaN when the
   * values cannot be compared (so every {@code gt}/{@code lt} test on them is false).
   */
  static double compare(Object val1, Object val2) {
    if (isNullish(val1) || isNullish(val2)) {
      return looseEquals(val1, val2) ? 0 : Double.NaN;
    }
    if (val1 instanceof Number || val1 instanceof Boolean || val1 instanceof Instant) {
      return toNumber(val1) - toNumber(toPrimitiveNumberHint(val2));
    }
    if (val1 instanceof String) {
      if (lessThan(val2, val1)) {
        return 1;
      }
      if (lessThan(val1, val2)) {
        return -1;
      }
      return looseEquals(val1, val2) ? 0 : Double.NaN;
    }
    return looseEquals(val1, val2) ? 0 : Double.NaN;
  }
}
