package io.livemodel.store.pg;

import io.livemodel.filter.QueryLimits;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * Runs reads whose where clause holds a client-chosen pattern under a shorter statement timeout,
 * {@code query.patternStatementTimeoutMs} (or the store's, if shorter; {@code SET LOCAL} in the read's own transaction, so the
 * connection returns to the pool with the store's normal timeout). Such a read that runs out of time
 * is answered 503 {@code QUERY_TOO_EXPENSIVE}: unlike a plain read, its cost is the pattern's.
 * Other failures are mapped by {@link PgErrors}.
 */
final class PatternQueries {

  private static final String TIMEOUT_SQLSTATE = "57014";

  private PatternQueries() {
  }

  /** Runs {@code read} under the pattern timeout, or the store's own if that is shorter. */
  static <T> Future<T> run(Pool pool, long storeTimeoutMs, Function<SqlConnection, Future<T>> read) {
    long timeoutMs = Math.min(storeTimeoutMs, QueryLimits.current().patternStatementTimeoutMs());
    return pool.withTransaction(connection ->
            // A literal: SET takes no bind parameters. timeoutMs is a validated long, not client text.
            connection.query("SET LOCAL statement_timeout = " + timeoutMs).execute()
                .compose(v -> read.apply(connection)))
        .recover(failure -> {
          if (failure instanceof PgException pg && TIMEOUT_SQLSTATE.equals(pg.getSqlState())) {
            return Future.failedFuture(QueryLimits.tooExpensive("query.patternStatementTimeoutMs", timeoutMs));
          }
          return PgErrors.fail(failure);
        });
  }
}
