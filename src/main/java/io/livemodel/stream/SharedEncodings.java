package io.livemodel.stream;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The encodings of a node's recent changes, shared by its HTTP verticles: each verticle's fan-out
 * filters a change for its own subscribers, but the filtered change is encoded (JSON, SSE frame in
 * direct memory) once per node and filter, by whichever event loop gets there first. Keeps the most
 * recent encodings up to a byte budget (their JSON, which each wire format roughly doubles), so that
 * clients replaying the same history (after a node restart) share it too; a change that has left it
 * is simply encoded again.
 *
 * <p>Thread-safe: one per node, used by every HTTP verticle's event loop.
 */
public final class SharedEncodings {

  /** The default budget: about 30,000 changes of 1 KB, a retention's worth of history for a busy model. */
  public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

  private record Key(String model, long seq, String filter) {
  }

  private final long maxBytes;
  private final ConcurrentHashMap<Key, EncodedChange> recent = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Key> order = new ConcurrentLinkedQueue<>();
  private final AtomicLong bytes = new AtomicLong();

  public SharedEncodings() {
    this(DEFAULT_MAX_BYTES);
  }

  /** @param maxBytes the JSON bytes of the encodings kept */
  public SharedEncodings(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The encoding of {@code filtered}, the change {@code seq} of {@code model} under the filter
   * {@code filterKey}: made from {@code filtered} unless another verticle already made it. Changes
   * without a seq are not shared.
   */
  EncodedChange get(String model, long seq, String filterKey, JsonObject filtered) {
    if (seq <= 0) {
      return new EncodedChange(filtered, seq);
    }
    Key key = new Key(model, seq, filterKey);
    EncodedChange known = recent.get(key);
    if (known != null) {
      return known;
    }
    EncodedChange made = new EncodedChange(filtered, seq);
    known = recent.putIfAbsent(key, made);
    if (known != null) {
      return known;
    }
    order.add(key);
    long total = bytes.addAndGet(made.json().length());
    while (total > maxBytes) {
      Key oldest = order.poll();
      if (oldest == null) {
        break;
      }
      EncodedChange evicted = recent.remove(oldest);
      total = evicted == null ? bytes.get() : bytes.addAndGet(-evicted.json().length());
    }
    return made;
  }

  int size() {
    return recent.size();
  }
}
