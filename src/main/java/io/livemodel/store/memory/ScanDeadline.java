package io.livemodel.store.memory;

import io.livemodel.filter.QueryLimits;
import io.livemodel.limits.Cancellation;
import io.livemodel.model.ApiError;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * The time budget of one memory-store scan ({@code query.timeoutMs}), counted from when the query
 * was submitted (time spent queued for a worker counts). A scan calls {@link #tick()} per instance;
 * every 64 ticks the clock is read, and past the deadline the scan stops with 503
 * {@code QUERY_TOO_EXPENSIVE}. A scan whose HTTP client has left ({@link Cancellation}) stops there too.
 * Not thread-safe: one per scan.
 */
final class ScanDeadline {

  private final long timeoutMs;
  private final long endNanos;
  private final BooleanSupplier clientGone;
  private int ticks;

  ScanDeadline(long timeoutMs, BooleanSupplier clientGone) {
    this.timeoutMs = timeoutMs;
    this.endNanos = System.nanoTime() + timeoutMs * 1_000_000L;
    this.clientGone = clientGone;
  }

  /** A deadline of {@code query.timeoutMs} from now, for the current request (call on the request's thread). */
  static ScanDeadline start() {
    return new ScanDeadline(QueryLimits.current().timeoutMs(), Cancellation.current());
  }

  void tick() {
    if ((++ticks & 63) != 0) {
      return;
    }
    if (System.nanoTime() - endNanos > 0) {
      throw QueryLimits.tooExpensive("query.timeoutMs", timeoutMs);
    }
    if (clientGone.getAsBoolean()) {
      throw new ApiError(503, "Error", "The query was stopped: its client left", "QUERY_CANCELLED", null);
    }
  }

  /** {@code items}, ticking once per item handed out. */
  <T> Iterable<T> watch(Iterable<T> items) {
    return () -> {
      Iterator<T> it = items.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          tick();
          return it.next();
        }
      };
    };
  }
}
