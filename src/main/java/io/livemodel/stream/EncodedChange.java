package io.livemodel.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One change as it goes out to subscribers: encoded to JSON once, and to each wire format once,
 * however many subscribers receive it, on however many event loops of the node
 * ({@link SharedEncodings}). The wire formats belong to their transports (see {@link Format}); this
 * class only remembers what they made.
 *
 * <p>Thread-safe and immutable once made: the JSON is encoded in the constructor, and each
 * format's value is published with a compare-and-set, so every event loop reads the same bytes.
 * A format's value must be immutable (or only read) after it is made.
 */
public final class EncodedChange {

  /**
   * A transport's encoding of a change (a framed SSE event, say). Compared by identity: keep each
   * format in a constant.
   */
  @FunctionalInterface
  public interface Format<T> {
    T encode(EncodedChange change);
  }

  private static final Object[] NONE = new Object[0];

  private final long seq;
  private final Buffer json;
  /** Pairs of format and value, replaced as a whole when a format is added. */
  private final AtomicReference<Object[]> encodings = new AtomicReference<>(NONE);

  public EncodedChange(JsonObject change, long seq) {
    this.seq = seq;
    this.json = change.toBuffer();
  }

  /** The per-model sequence number, 0 if unknown. */
  public long seq() {
    return seq;
  }

  /** {@code JSON.stringify(change)}; do not modify it. */
  public Buffer json() {
    return json;
  }

  /** This change in {@code format}, encoded on first use and remembered. */
  @SuppressWarnings("unchecked")
  public <T> T encoded(Format<T> format) {
    Object[] known = encodings.get();
    for (int i = 0; i < known.length; i += 2) {
      if (known[i] == format) {
        return (T) known[i + 1];
      }
    }
    T value = format.encode(this);
    while (true) {
      Object[] current = encodings.get();
      for (int i = 0; i < current.length; i += 2) {
        if (current[i] == format) {
          return (T) current[i + 1]; // another event loop made it first: use that one
        }
      }
      Object[] next = java.util.Arrays.copyOf(current, current.length + 2);
      next[current.length] = format;
      next[current.length + 1] = value;
      if (encodings.compareAndSet(current, next)) {
        return value;
      }
    }
  }
}
