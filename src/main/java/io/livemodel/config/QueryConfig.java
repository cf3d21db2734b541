package io.livemodel.config;

/**
 * Cost limits of queries, decided before any work starts (config section {@code query}).
 *
 * @param maxPatternLength the longest {@code like}/{@code regexp} pattern, in characters (400 above it)
 * @param maxPatternSize the largest estimated compiled size of a pattern, in program instructions,
 *     counted repeats expanded (400 above it): matching costs input length times this size
 * @param maxRepeatNesting how deeply counted repeats ({@code x{n}}) may nest (400 above it)
 * @param patternCacheBytes the estimated memory the compiled-pattern cache may hold
 * @param timeoutMs how long a memory-store scan may run before it answers 503 {@code QUERY_TOO_EXPENSIVE}
 * @param patternStatementTimeoutMs PostgreSQL's statement timeout for queries with a user pattern
 *     (plain queries keep {@code store.postgres.statementTimeoutMs})
 * @param workers threads that run long memory-store scans off the event loops (more scans queue)
 * @param maxPatternQueriesPerClient reads with a pattern one client address may have in progress on a
 *     node (429 with Retry-After above it)
 */
public record QueryConfig(int maxPatternLength, int maxPatternSize, int maxRepeatNesting, long patternCacheBytes,
                          long timeoutMs, long patternStatementTimeoutMs, int workers, int maxPatternQueriesPerClient) {

  public static final int DEFAULT_MAX_PATTERN_QUERIES_PER_CLIENT = 2;

  /** Limits with the default {@code maxPatternQueriesPerClient}. */
  public QueryConfig(int maxPatternLength, int maxPatternSize, int maxRepeatNesting, long patternCacheBytes,
                     long timeoutMs, long patternStatementTimeoutMs, int workers) {
    this(maxPatternLength, maxPatternSize, maxRepeatNesting, patternCacheBytes, timeoutMs, patternStatementTimeoutMs,
        workers, DEFAULT_MAX_PATTERN_QUERIES_PER_CLIENT);
  }

  public static QueryConfig defaults() {
    return new QueryConfig(1000, 1000, 2, 16L * 1024 * 1024, 3000, 1000, 2);
  }

  /** Whether every value is in range; the message of the first that is not, else null. */
  String problem() {
    if (maxPatternLength < 1 || maxPatternSize < 1 || maxRepeatNesting < 1) {
      return "query.maxPatternLength, maxPatternSize and maxRepeatNesting must be positive";
    }
    if (patternCacheBytes < 0 || timeoutMs < 1 || patternStatementTimeoutMs < 1 || workers < 1
        || maxPatternQueriesPerClient < 1) {
      return "query.patternCacheBytes must be >= 0, timeoutMs, patternStatementTimeoutMs, workers and "
          + "maxPatternQueriesPerClient positive";
    }
    return null;
  }
}
