package io.livemodel.store.memory;

import io.livemodel.filter.QueryLimits;
import java.util.Iterator;

/**
 * The time budget of one memory-store scan ({@code query.timeoutMs}), counted from when the query
 * was submitted (time spent queued for a worker counts). A scan calls {@link #tick()} per instance;
 * every 64 ticks the clock is read, and past the deadline the scan stops with 503
 * {@code QUERY_TOO_EXPENSIVE}. Not thread-safe: one per scan.
 */
final class ScanDeadline {

  private final long timeoutMs;
  private final long endNanos;
  private int ticks;

  ScanDeadline(long timeoutMs) {
    this.timeoutMs = timeoutMs;
    this.endNanos = System.nanoTime() + timeoutMs * 1_000_000L;
  }

  /** A deadline of {@code query.timeoutMs} from now. */
  static ScanDeadline start() {
    return new ScanDeadline(QueryLimits.current().timeoutMs());
  }

  void tick() {
    if ((++ticks & 63) == 0 && System.nanoTime() - endNanos > 0) {
      throw QueryLimits.tooExpensive("query.timeoutMs", timeoutMs);
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
