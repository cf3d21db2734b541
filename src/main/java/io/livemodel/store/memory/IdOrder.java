package io.livemodel.store.memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;

/**
 * The order of ids in the embedded store, which is also the default order of {@code find}: numbers
 * numerically (so {@code 1}, {@code 1L} and {@code 1.0} are the same id), then strings by UTF-16 code
 * unit (as JavaScript compares them), then any other value by its class name and string form.
 */
final class IdOrder implements Comparator<Object> {

  static final IdOrder INSTANCE = new IdOrder();

  private IdOrder() {
  }

  @Override
  public int compare(Object a, Object b) {
    int rankA = rank(a);
    int rankB = rank(b);
    if (rankA != rankB) {
      return Integer.compare(rankA, rankB);
    }
    if (rankA == 0) {
      return compareNumbers((Number) a, (Number) b);
    }
    if (rankA == 1) {
      return ((String) a).compareTo((String) b);
    }
    int byClass = a.getClass().getName().compareTo(b.getClass().getName());
    return byClass != 0 ? byClass : a.toString().compareTo(b.toString());
  }

  private static int rank(Object id) {
    if (id instanceof Number) {
      return 0;
    }
    return id instanceof String ? 1 : 2;
  }

  private static int compareNumbers(Number a, Number b) {
    if (isIntegral(a) && isIntegral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b));
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  private static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal decimal) {
      return decimal;
    }
    if (n instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (isIntegral(n)) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.doubleValue());
  }
}
