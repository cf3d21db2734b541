package io.livemodel.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One change as it goes out to subscribers: encoded to JSON once, and framed once per wire format,
 * however many subscribers receive it. Used on one event loop only (not thread-safe).
 */
public final class EncodedChange {

  private static final byte[] SSE_EVENT = "event: data\ndata: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SSE_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private final JsonObject change;
  private final long seq;
  private Buffer json;
  private Buffer sse;
  private Buffer jsonLineTail;

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

  /** The SSE frame: {@code id: <seq>} (when known), {@code event: data}, {@code data: <json>}, blank line. */
  public Buffer sseFrame() {
    if (sse == null) {
      Buffer body = json();
      Buffer frame = Buffer.buffer(body.length() + 48);
      if (seq > 0) {
        frame.appendString("id: ").appendString(Long.toString(seq)).appendString("\n");
      }
      sse = frame.appendBytes(SSE_EVENT).appendBuffer(body).appendBytes(SSE_END);
    }
    return sse;
  }

  /** The end of a newline-delimited JSON stream frame: {@code <json>]\n}; each subscriber writes its own prefix first. */
  public Buffer jsonLineTail() {
    if (jsonLineTail == null) {
      Buffer body = json();
      jsonLineTail = Buffer.buffer(body.length() + 2).appendBuffer(body).appendString("]\n");
    }
    return jsonLineTail;
  }
}
