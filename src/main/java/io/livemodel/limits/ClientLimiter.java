package io.livemodel.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Limits how many units of some work (e.g. expensive queries) each client, by address, may have in
 * progress at once. A client at its limit gets no permit (the caller answers 429 with
 * {@code Retry-After}); other clients are not affected. Only clients with work in progress take
 * memory: an entry is dropped when its last permit is released.
 *
 * <p>Thread-safe: permits may be taken and released on any thread.
 */
public final class ClientLimiter {

  private final IntSupplier maxPerClient;
  private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();

  /** @param maxPerClient the limit, read at each acquisition (so it may be reconfigured) */
  public ClientLimiter(IntSupplier maxPerClient) {
    this.maxPerClient = maxPerClient;
  }

  /** A permit for one unit of work of {@code client}, or null when the client is at its limit. */
  public Permit tryAcquire(String client) {
    int max = maxPerClient.getAsInt();
    boolean[] granted = {false};
    inProgress.compute(client, (key, count) -> {
      int current = count == null ? 0 : count;
      if (current >= max) {
        return count;
      }
      granted[0] = true;
      return current + 1;
    });
    return granted[0] ? new Permit(client) : null;
  }

  /** Work in progress of {@code client}. */
  public int inProgress(String client) {
    return inProgress.getOrDefault(client, 0);
  }

  /** Clients with work in progress. */
  public int clients() {
    return inProgress.size();
  }

  /** One unit of work in progress; {@link #close()} (idempotent) releases it. */
  public final class Permit implements AutoCloseable {
    private final String client;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(String client) {
      this.client = client;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        inProgress.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
      }
    }
  }
}
