package io.livemodel.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One change as it goes out to subscribers: encoded to JSON once, and to each wire format once,
 * however many subscribers receive it. The wire formats belong to their transports (see
 * {@link Format}); this class only remembers what they made. Used on one event loop only (not
 * thread-safe).
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

  private final JsonObject change;
  private final long seq;
  private Buffer json;
  // Two slots: a stream uses one or two formats (a frame, and that frame in transport framing).
  private Format<?> format1;
  private Object encoded1;
  private Format<?> format2;
  private Object encoded2;

  public EncodedChange(JsonObject change, long seq) {
    this.change = change;
    this.seq = seq;
  }

  public JsonObject change() {
    return change;
  }

  /** The per-model sequence number, 0 if unknown. */
  public long seq() {
    return seq;
  }

  /** {@code JSON.stringify(change)}. */
  public Buffer json() {
    if (json == null) {
      json = change.toBuffer();
    }
    return json;
  }

  /** This change in {@code format}, encoded on first use and remembered. */
  @SuppressWarnings("unchecked")
  public <T> T encoded(Format<T> format) {
    if (format1 == format) {
      return (T) encoded1;
    }
    if (format2 == format) {
      return (T) encoded2;
    }
    T value = format.encode(this);
    if (format1 == null) {
      format1 = format;
      encoded1 = value;
    } else if (format2 == null) {
      format2 = format;
      encoded2 = value;
    }
    return value;
  }
}
