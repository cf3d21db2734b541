package io.livemodel.cluster;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Puts one model's changes back in sequence order before fan-out. In a cluster, each node publishes
 * the changes of its own writes, and the event bus orders messages only per sender, so changes
 * committed on two nodes can arrive in either order. The store numbers each model's changes in commit
 * order without gaps ({@code seq}); this gate passes change {@code n + 1} only after change {@code n},
 * holding early arrivals until the missing one comes.
 *
 * <p>Contract:
 * <ul>
 *   <li>The first sequenced change the gate sees sets the baseline and passes at once: order is
 *       guaranteed among the changes that follow it.</li>
 *   <li>A missing change is waited for at most {@code gapTimeoutMillis} (its node may have died between
 *       commit and publish); then the gate skips to the next change it holds.</li>
 *   <li>A change older than the baseline, or arriving after its gap was skipped, passes at once (out of
 *       order rather than lost). Changes without a sequence ({@code seq <= 0}) pass at once.</li>
 * </ul>
 *
 * <p>Not thread-safe: use it on one event loop (the verticle's consumer context); the gap timer fires
 * on the context that armed it.
 */
public final class SequenceGate<T> {

  /**
   * How long a missing change is waited for. Longer than a first cross-node delivery (connection
   * set-up, under a second), short enough that a node dying mid-publish stalls others only briefly.
   */
  public static final long DEFAULT_GAP_TIMEOUT_MILLIS = 2000;

  private final Vertx vertx;
  private final long gapTimeoutMillis;
  private final Consumer<T> downstream;
  private final TreeMap<Long, T> held = new TreeMap<>();
  private long next;
  private long timer = -1;

  public SequenceGate(Vertx vertx, long gapTimeoutMillis, Consumer<T> downstream) {
    this.vertx = vertx;
    this.gapTimeoutMillis = gapTimeoutMillis;
    this.downstream = downstream;
  }

  /** Offers a change with its sequence number; it passes now or once its predecessors have. */
  public void accept(long seq, T change) {
    if (seq <= 0 || (next > 0 && seq < next)) {
      downstream.accept(change);
      return;
    }
    if (next == 0 || seq == next) {
      pass(seq, change);
      drain();
      return;
    }
    held.putIfAbsent(seq, change);
    if (timer < 0) {
      armTimer();
    }
  }

  /** Changes held back waiting for a missing predecessor. */
  public int heldCount() {
    return held.size();
  }

  /** The sequence number the gate waits for next; 0 before the first sequenced change. */
  public long expected() {
    return next;
  }

  /** Cancels the gap timer and drops held changes (the consumer is going away). */
  public void close() {
    cancelTimer();
    held.clear();
  }

  private void pass(long seq, T change) {
    next = seq + 1;
    downstream.accept(change);
  }

  /** Passes the held changes that are now in sequence; a gap still open gets a full timeout again. */
  private void drain() {
    boolean progressed = false;
    while (!held.isEmpty() && held.firstKey() == next) {
      Map.Entry<Long, T> first = held.pollFirstEntry();
      pass(first.getKey(), first.getValue());
      progressed = true;
    }
    if (held.isEmpty()) {
      cancelTimer();
    } else if (progressed || timer < 0) {
      cancelTimer();
      armTimer();
    }
  }

  private void skipGap() {
    timer = -1;
    if (!held.isEmpty()) {
      next = held.firstKey();
      drain();
    }
  }

  private void armTimer() {
    timer = vertx.setTimer(gapTimeoutMillis, id -> skipGap());
  }

  private void cancelTimer() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
