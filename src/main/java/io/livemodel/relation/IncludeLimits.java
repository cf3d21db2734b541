package io.livemodel.relation;

/**
 * Bounds on what one request's {@code include} may fetch.
 *
 * @param maxDepth how deeply includes may nest (a top-level relation is depth 1); deeper is a 400.
 *     This also bounds include cycles ({@code {author: {books: {author: ...}}}}).
 * @param maxRows how many related rows (through-model rows included) one request may fetch over all
 *     its includes; more is a 400
 * @param inqLimit how many keys one related query carries (juggler's datasource setting
 *     {@code inqLimit}); more keys are split into several queries
 */
public record IncludeLimits(int maxDepth, int maxRows, int inqLimit) {

  /**
   * The defaults. {@code inqLimit} is juggler's 256 raised to 10,000: juggler splits key lists to keep
   * SQL {@code IN (...)} lists short, while LiveModel sends the keys of one query to PostgreSQL as a
   * single array parameter, so a relation level over up to 10,000 parents is one statement.
   */
  public static final IncludeLimits DEFAULTS = new IncludeLimits(5, 10_000, 10_000);

  public IncludeLimits {
    if (maxDepth < 1 || maxRows < 1 || inqLimit < 1) {
      throw new IllegalArgumentException("include limits must be positive");
    }
  }
}
