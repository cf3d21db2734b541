package io.livemodel.stream;

import io.vertx.core.Context;
import java.util.ArrayDeque;

/**
 * Delivers changes to their members in slices: at most {@link #SLICE} deliveries per event-loop task,
 * the rest in the next task, so the other tasks of the loop (the answer to a POST, the flush of what
 * was just written) wait for one slice, never for a whole fan-out to tens of thousands of
 * subscribers. Changes are delivered in order: a change waits until the one before it has reached
 * every member.
 *
 * <p>Reading a new request still waits for the loop's whole task pass: Netty 4.2 runs queued tasks
 * for up to 100 ms before it polls I/O again. Continuations scheduled after the next I/O pass instead
 * ({@code EventLoop.schedule} with no delay) were tried and not kept: at 1,000 streams x 100 writes/s
 * each waited for the loop's timer, deliveries fell seconds behind (p50 1-2.4 s) and CPU per delivery
 * rose 15-20%, for a POST p99 no better (BENCHMARKS.md).
 *
 * <p>Not thread-safe: used on its hub's event loop.
 */
final class SlicedDelivery {

  /** Deliveries per event-loop task. */
  static final int SLICE = 256;

  private final Context context;
  /** Changes not yet delivered to every member of their group, oldest first. */
  private final ArrayDeque<Delivery> backlog = new ArrayDeque<>();
  private boolean delivering;

  SlicedDelivery(Context context) {
    this.context = context;
  }

  /** Queues {@code change} for {@code members} (a snapshot the caller no longer modifies). */
  void add(EncodedChange change, Subscription[] members) {
    backlog.add(new Delivery(change, members));
  }

  /** Starts delivering what was added, unless a delivery is under way already. */
  void run() {
    if (!delivering && !backlog.isEmpty()) {
      deliverSlice();
    }
  }

  void clear() {
    backlog.clear();
  }

  private void deliverSlice() {
    int budget = SLICE;
    Delivery delivery;
    while (budget > 0 && (delivery = backlog.peek()) != null) {
      int end = Math.min(delivery.members.length, delivery.next + budget);
      for (int i = delivery.next; i < end; i++) {
        delivery.members[i].deliver(delivery.change);
      }
      budget -= end - delivery.next;
      delivery.next = end;
      if (end == delivery.members.length) {
        backlog.poll();
      }
    }
    delivering = !backlog.isEmpty();
    if (delivering) {
      context.runOnContext(v -> deliverSlice());
    }
  }

  /** One change for one group: its members as of the change, and how far delivery has come. */
  private static final class Delivery {
    final EncodedChange change;
    final Subscription[] members;
    int next;

    Delivery(EncodedChange change, Subscription[] members) {
      this.change = change;
      this.members = members;
    }
  }
}
