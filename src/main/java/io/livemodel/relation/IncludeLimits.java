package io.livemodel.relation;

import io.livemodel.config.QueryConfig;

/**
 * Bounds on what one request's {@code include} may fetch (config {@code query.maxIncludeDepth},
 * {@code query.maxIncludedRows}, {@code query.includeInqLimit}; defaults in {@link QueryConfig}).
 *
 * @param maxDepth how deeply includes may nest (a top-level relation is depth 1); deeper is a 400.
 *     This also bounds include cycles ({@code {author: {books: {author: ...}}}}).
 * @param maxRows how many related rows (through-model rows included) one request may fetch over all
 *     its includes; more is a 400
 * @param inqLimit how many keys one related query carries (juggler's datasource setting
 *     {@code inqLimit}); more keys are split into several queries
 */
public record IncludeLimits(int maxDepth, int maxRows, int inqLimit) {

  /** The defaults of {@link QueryConfig#defaults()}. */
  public static final IncludeLimits DEFAULTS = of(QueryConfig.defaults());

  public IncludeLimits {
    if (maxDepth < 1 || maxRows < 1 || inqLimit < 1) {
      throw new IllegalArgumentException("include limits must be positive");
    }
  }

  /** The include limits of a {@code query} config section. */
  public static IncludeLimits of(QueryConfig query) {
    return new IncludeLimits(query.maxIncludeDepth(), query.maxIncludedRows(), query.includeInqLimit());
  }
}
