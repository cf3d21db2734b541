package io.livemodel.filter;

import io.livemodel.config.QueryConfig;
import io.livemodel.model.ApiError;
import java.util.Objects;

/**
 * The process-wide query cost limits ({@link QueryConfig}), read by the filter parser (pattern
 * limits, checked while a filter is parsed, before any store work) and by both stores (scan deadline,
 * pattern statement timeout). Installed by the server at start-up; the defaults apply until then.
 * A process runs one configuration: with several servers in one JVM (tests), the last one started
 * sets the limits.
 */
public final class QueryLimits {

  private static volatile QueryConfig current = QueryConfig.defaults();

  private QueryLimits() {
  }

  public static QueryConfig current() {
    return current;
  }

  /** Sets the limits; the compiled-pattern cache is resized to the new byte budget. */
  public static void install(QueryConfig config) {
    current = Objects.requireNonNull(config, "config");
    Patterns.resizeCache(config.patternCacheBytes());
  }

  /** The code of a query refused because it would cost more than its budget. */
  public static final String TOO_EXPENSIVE = "QUERY_TOO_EXPENSIVE";

  /** 503 {@code QUERY_TOO_EXPENSIVE}: the query ran out of its time budget and was stopped. */
  public static ApiError tooExpensive(String limit, long value) {
    return new ApiError(503, "Error", "The query was stopped: it did not finish within " + limit + " ("
        + value + " ms); narrow the filter or retry later", TOO_EXPENSIVE, null);
  }

  /** Whether a where clause holds a like-family or regexp condition, whose cost the client chooses. */
  public static boolean usesPattern(Where where) {
    return any(where, condition -> switch (condition.op()) {
      case LIKE, NLIKE, ILIKE, NILIKE, REGEXP -> true;
      default -> false;
    });
  }

  /**
   * Whether testing one instance against {@code where} may cost much more than a few comparisons: a
   * pattern, or an {@code inq}/{@code nin} list of more than 32 values. Such scans run off the event loop.
   */
  public static boolean expensive(Where where) {
    return any(where, condition -> switch (condition.op()) {
      case LIKE, NLIKE, ILIKE, NILIKE, REGEXP -> true;
      case INQ, NIN -> condition.value() instanceof java.util.List<?> list && list.size() > 32;
      default -> false;
    });
  }

  private static boolean any(Where where, java.util.function.Predicate<Where.Condition> test) {
    if (where instanceof Where.And and) {
      return and.parts().stream().anyMatch(part -> any(part, test));
    }
    if (where instanceof Where.Or or) {
      return or.parts().stream().anyMatch(part -> any(part, test));
    }
    return where instanceof Where.Condition condition && test.test(condition);
  }
}
