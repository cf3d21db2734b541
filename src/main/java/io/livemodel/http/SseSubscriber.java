package io.livemodel.http;

import io.livemodel.model.ModelDefinition;
import io.livemodel.stream.ChangeFilter;
import io.livemodel.stream.ChangeHub;
import io.livemodel.stream.EncodedChange;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * A {@code text/event-stream} change stream with LoopBack's framing: {@code :ok} on open, then per
 * change {@code event: data} / {@code data: <json>}. LiveModel adds {@code id:} lines, a
 * {@code retry:} hint on open and heartbeat comments while idle; no compression, ever.
 */
final class SseSubscriber extends StreamSubscriber {

  private static final SharedChunk HEARTBEAT = SharedChunk.of(":\n\n");
  private static final byte[] EVENT = "event: data\ndata: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * A change as one SSE event: {@code id: <seq>} (when known), {@code event: data},
   * {@code data: <json>}, blank line. Made once per change, shared by every stream of its filter.
   */
  static final EncodedChange.Format<SharedChunk> EVENT_FORMAT = change -> {
    Buffer body = change.json();
    Buffer frame = Buffer.buffer(body.length() + 48);
    if (change.seq() > 0) {
      frame.appendString("id: ").appendString(Long.toString(change.seq())).appendString("\n");
    }
    return new SharedChunk(frame.appendBytes(EVENT).appendBuffer(body).appendBytes(END));
  };

  private final int retryMs;

  SseSubscriber(HttpServerResponse response, FlushBatch flushBatch, ChangeHub hub, ModelDefinition model,
                ChangeFilter filter, long maxQueuedBytes, int retryMs) {
    super(response, flushBatch, hub, model, filter, maxQueuedBytes);
    this.retryMs = retryMs;
  }

  @Override
  protected void writeHeaders(HttpServerRequest request) {
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache, no-transform")
        .putHeader("X-Accel-Buffering", "no");
    if (request.version() != HttpVersion.HTTP_2) {
      // A connection-specific header: HTTP/2 forbids it (the client resets the stream).
      response.putHeader("Connection", "keep-alive");
    }
  }

  @Override
  protected Buffer preamble() {
    Buffer preamble = Buffer.buffer(":ok\n\n");
    if (retryMs > 0) {
      preamble.appendString("retry: " + retryMs + "\n\n");
    }
    return preamble;
  }

  @Override
  protected void writeChange(EncodedChange change) {
    write(change.encoded(EVENT_FORMAT));
  }

  /**
   * {@code event: reset}: the client's Last-Event-ID is older than the change log keeps (or unknown
   * to it), so changes were missed; the client should refetch what it shows. The frame's id moves
   * the client's position to the present, from where the stream continues live.
   */
  @Override
  protected Buffer resetFrame(long afterSeq, long latestSeq) {
    String data = "{\"reason\":\"expired\",\"lastEventId\":" + afterSeq + ",\"latestSeq\":" + latestSeq + "}";
    return Buffer.buffer("id: " + latestSeq + "\nevent: reset\ndata: " + data + "\n\n");
  }

  @Override
  protected SharedChunk heartbeatFrame() {
    return HEARTBEAT;
  }
}
