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
 * @param maxIncludeDepth how deeply a request's {@code include} may nest, a top-level relation being
 *     depth 1 (400 above it); this also bounds include cycles ({@code {books: {author: {books: ...}}}})
 * @param maxIncludedRows how many related rows (through rows included) one request's includes may
 *     fetch in all (400 above it), so that one request cannot read the whole database
 * @param includeInqLimit how many keys one related query carries (juggler's {@code inqLimit}); more are
 *     split into several queries
 */
public record QueryConfig(int maxPatternLength, int maxPatternSize, int maxRepeatNesting, long patternCacheBytes,
                          long timeoutMs, long patternStatementTimeoutMs, int workers, int maxPatternQueriesPerClient,
                          int maxIncludeDepth, int maxIncludedRows, int includeInqLimit) {

  public static final int DEFAULT_MAX_PATTERN_QUERIES_PER_CLIENT = 2;
  public static final int DEFAULT_MAX_INCLUDE_DEPTH = 5;
  public static final int DEFAULT_MAX_INCLUDED_ROWS = 10_000;
  /**
   * juggler's 256 raised to 10,000: juggler splits key lists to keep SQL {@code IN (...)} lists short,
   * while LiveModel sends one query's keys to PostgreSQL as a single array parameter, so a relation
   * level over up to 10,000 parents is one statement.
   */
  public static final int DEFAULT_INCLUDE_INQ_LIMIT = 10_000;

  /** Limits with the default include limits. */
  public QueryConfig(int maxPatternLength, int maxPatternSize, int maxRepeatNesting, long patternCacheBytes,
                     long timeoutMs, long patternStatementTimeoutMs, int workers, int maxPatternQueriesPerClient) {
    this(maxPatternLength, maxPatternSize, maxRepeatNesting, patternCacheBytes, timeoutMs, patternStatementTimeoutMs,
        workers, maxPatternQueriesPerClient, DEFAULT_MAX_INCLUDE_DEPTH, DEFAULT_MAX_INCLUDED_ROWS,
        DEFAULT_INCLUDE_INQ_LIMIT);
  }

  /** Limits with the default {@code maxPatternQueriesPerClient} and include limits. */
  public QueryConfig(int maxPatternLength, int maxPatternSize, int maxRepeatNesting, long patternCacheBytes,
                     long timeoutMs, long patternStatementTimeoutMs, int workers) {
    this(maxPatternLength, maxPatternSize, maxRepeatNesting, patternCacheBytes, timeoutMs, patternStatementTimeoutMs,
        workers, DEFAULT_MAX_PATTERN_QUERIES_PER_CLIENT);
  }

  public static QueryConfig defaults() {
    return new QueryConfig(1000, 1000, 2, 16L * 1024 * 1024, 3000, 1000, 2);
  }

  /** These limits with other include limits. */
  public QueryConfig withIncludeLimits(int maxDepth, int maxRows, int inqLimit) {
    return new QueryConfig(maxPatternLength, maxPatternSize, maxRepeatNesting, patternCacheBytes, timeoutMs,
        patternStatementTimeoutMs, workers, maxPatternQueriesPerClient, maxDepth, maxRows, inqLimit);
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
    if (maxIncludeDepth < 1 || maxIncludedRows < 1 || includeInqLimit < 1) {
      return "query.maxIncludeDepth, maxIncludedRows and includeInqLimit must be positive";
    }
    return null;
  }
}
