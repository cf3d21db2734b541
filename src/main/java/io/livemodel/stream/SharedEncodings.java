package io.livemodel.stream;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The encodings of a node's recent changes, shared by its HTTP verticles: each verticle's fan-out
 * filters a change for its own subscribers, but the filtered change is encoded (JSON, SSE frame in
 * direct memory) once per node and filter, by whichever event loop gets there first. Keeps the last
 * {@link #CAPACITY} encodings; a change that has left it is simply encoded again.
 *
 * <p>Thread-safe: one per node, used by every HTTP verticle's event loop.
 */
public final class SharedEncodings {

  static final int CAPACITY = 1024;

  private record Key(String model, long seq, String filter) {
  }

  private final ConcurrentHashMap<Key, EncodedChange> recent = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Key> order = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

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
    if (size.incrementAndGet() > CAPACITY) {
      Key oldest = order.poll();
      if (oldest != null) {
        recent.remove(oldest);
        size.decrementAndGet();
      }
    }
    return made;
  }

  int size() {
    return recent.size();
  }
}
