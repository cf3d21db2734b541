package io.livemodel.store.pg;

import io.livemodel.model.ApiError;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns PostgreSQL and connection failures into {@link ApiError}s; nothing from the database (SQL
 * text, server messages) reaches a client.
 *
 * <ul>
 *   <li>Connection refused or lost, pool closed, server shutting down or out of
 *       connections: 503 {@code STORE_UNAVAILABLE}. The request failed but may succeed when retried.</li>
 *   <li>No pooled connection free within the pool-wait timeout, or the pool's wait queue full: 503
 *       {@code STORE_BUSY}. The database is up; this node has more requests than connections.</li>
 *   <li>Statement timeout: 503 {@code STORE_TIMEOUT}. A timeout is caused by load or by waiting for
 *       other writers as often as by an expensive filter, so it is reported as the store being
 *       (temporarily) unable to answer rather than as a client error; clients may retry.</li>
 *   <li>A request value PostgreSQL cannot take (a NUL character, a regex it rejects, a value too
 *       large for an index): 400.</li>
 *   <li>A duplicate id: 409, as the memory connector answers.</li>
 *   <li>Anything else from PostgreSQL: 500, logged with its SQLSTATE.</li>
 * </ul>
 * Failures that do not come from the database (e.g. an ApiError of the work) pass unchanged.
 */
final class PgErrors {

  static final String UNAVAILABLE = "STORE_UNAVAILABLE";
  static final String TIMEOUT = "STORE_TIMEOUT";
  static final String BUSY = "STORE_BUSY";
  private static final Logger LOG = Logger.getLogger(PgErrors.class.getName());

  private PgErrors() {
  }

  static <T> Future<T> fail(Throwable failure) {
    return Future.failedFuture(map(failure));
  }

  static ApiError timeout(String message) {
    return new ApiError(503, "Error", message, TIMEOUT, null);
  }

  static ApiError unavailable(String message) {
    return new ApiError(503, "Error", message, UNAVAILABLE, null);
  }

  static Throwable map(Throwable failure) {
    if (failure instanceof ApiError) {
      return failure;
    }
    if (failure instanceof PgException pg) {
      return fromSqlState(pg);
    }
    if (isPoolBusy(failure)) {
      return new ApiError(503, "Error", "The store is busy: no database connection became free in time; retry",
          BUSY, null);
    }
    if (isConnectionFailure(failure)) {
      return unavailable("The database is unavailable");
    }
    return failure;
  }

  private static ApiError fromSqlState(PgException pg) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    switch (state) {
      case "57014":
        return timeout("The database did not answer within the store's statement timeout");
      case "23505":
        return new ApiError(409, "Error", "Duplicate entry", null, null);
      case "2201B":
        return ApiError.badRequest("Invalid regular expression");
      case "22P05": case "22021": case "22P02": case "22008": case "22007": case "22003":
        return ApiError.badRequest("A value in the request cannot be stored or compared (invalid characters or out of range)");
      case "54000":
        return ApiError.badRequest("A value in the request is too large");
      case "40001": case "40P01": case "55P03":
        return unavailable("The database could not complete the request because of concurrent activity; retry");
      default:
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
          return unavailable("The database is unavailable (SQLSTATE " + state + ")");
        }
        LOG.log(Level.WARNING, "PostgreSQL error " + state + ": " + pg.getErrorMessage());
        return ApiError.internal("Internal Server Error");
    }
  }

  private static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClosedConnectionException || t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
      String type = t.getClass().getName();
      if (type.startsWith("io.netty.") || type.contains("Timeout") || type.startsWith("io.vertx.core.net.")) {
        return true;
      }
      String message = String.valueOf(t.getMessage());
      if (t instanceof IllegalStateException && message.toLowerCase().contains("closed")) {
        return true;
      }
      if (type.startsWith("io.vertx.") && (message.contains("Connection") || message.contains("closed")
          || message.contains("Timeout") || message.contains("refused"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * The pool's own refusals: its wait timeout fails the request with a bare "Timeout" (a
   * {@code NoStackTraceThrowable}), a full wait queue with {@code ConnectionPoolTooBusyException}.
   */
  private static boolean isPoolBusy(Throwable failure) {
    return failure instanceof io.vertx.core.http.ConnectionPoolTooBusyException
        || (failure instanceof io.vertx.core.impl.NoStackTraceThrowable && "Timeout".equals(failure.getMessage()));
  }
}
