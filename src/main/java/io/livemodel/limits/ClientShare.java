package io.livemodel.limits;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps one client from holding more than its share of a resource that all clients draw from (the
 * PostgreSQL pool's connections): at most {@code maxPerClient} pieces of work per client run at once;
 * the client's further work waits in a queue of its own (first in, first out), at most
 * {@code maxQueuedPerClient} of them and each at most {@code maxWaitMillis}, and is refused past that.
 * Other clients never wait behind that queue. Work without a client ({@code null}: start-up, the change
 * bus) is not counted. Only clients with work in progress take memory.
 *
 * <p>Queued work resumes on the Vert.x context it was submitted from (the request's), so what it
 * finds there (e.g. {@link Cancellation}) stays in place. Thread-safe.
 */
public final class ClientShare {

  private final int maxPerClient;
  private final int maxQueuedPerClient;
  private final long maxWaitMillis;
  private final Supplier<? extends RuntimeException> refusal;
  /** Guarded by {@code this}. */
  private final Map<String, Client> clients = new HashMap<>();

  /**
   * @param maxPerClient pieces of work one client may have running at once (0: no limit)
   * @param refusal the failure of work refused (its client's queue is full, or it waited too long)
   */
  public ClientShare(int maxPerClient, int maxQueuedPerClient, long maxWaitMillis,
                     Supplier<? extends RuntimeException> refusal) {
    this.maxPerClient = maxPerClient;
    this.maxQueuedPerClient = maxQueuedPerClient;
    this.maxWaitMillis = maxWaitMillis;
    this.refusal = refusal;
  }

  /** Runs {@code work} for {@code client} now, once the client's share allows it, or fails with the refusal. */
  public <T> Future<T> run(String client, Supplier<Future<T>> work) {
    if (client == null || maxPerClient <= 0) {
      return work.get();
    }
    Context context = Vertx.currentContext();
    Promise<T> queued = Promise.promise();
    Waiter waiter = new Waiter(context, () -> start(client, work).onComplete(queued));
    synchronized (this) {
      Client state = clients.computeIfAbsent(client, k -> new Client());
      if (state.running < maxPerClient) {
        state.running++;
        waiter = null;
      } else if (context == null || state.queue.size() >= maxQueuedPerClient) {
        return Future.failedFuture(refusal.get());
      } else {
        state.queue.add(waiter);
      }
    }
    if (waiter == null) {
      return start(client, work);
    }
    Waiter mine = waiter;
    mine.timer = context.owner().setTimer(maxWaitMillis, id -> expire(client, mine, queued));
    return queued.future();
  }

  /** Clients with work running or queued. */
  public synchronized int clients() {
    return clients.size();
  }

  /** Work of {@code client} running now. */
  public synchronized int running(String client) {
    Client state = clients.get(client);
    return state == null ? 0 : state.running;
  }

  private <T> Future<T> start(String client, Supplier<Future<T>> work) {
    Future<T> result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.andThen(done -> release(client));
  }

  /** One piece of work ended: the client's next queued one takes its place. */
  private void release(String client) {
    Waiter next;
    synchronized (this) {
      Client state = clients.get(client);
      if (state == null) {
        return;
      }
      next = state.queue.poll();
      if (next == null) {
        state.running--;
        if (state.running <= 0) {
          clients.remove(client);
        }
      } else {
        next.granted = true;  // its place is handed over: running stays the same
      }
    }
    if (next != null) {
      next.context.owner().cancelTimer(next.timer);
      next.context.runOnContext(v -> next.start.run());
    }
  }

  private <T> void expire(String client, Waiter waiter, Promise<T> queued) {
    synchronized (this) {
      Client state = clients.get(client);
      if (waiter.granted || state == null || !state.queue.remove(waiter)) {
        return;
      }
    }
    queued.tryFail(refusal.get());
  }

  private static final class Client {
    int running;
    final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  }

  private static final class Waiter {
    final Context context;
    final Runnable start;
    volatile long timer;
    boolean granted;  // guarded by the share

    Waiter(Context context, Runnable start) {
      this.context = context;
      this.start = start;
    }
  }
}
