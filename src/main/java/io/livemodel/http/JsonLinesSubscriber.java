package io.livemodel.http;

import io.livemodel.model.ModelDefinition;
import io.livemodel.stream.ChangeFilter;
import io.livemodel.stream.ChangeHub;
import io.livemodel.stream.EncodedChange;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.ThreadLocalRandom;

/**
 * LoopBack's non-SSE change stream, read by {@code loopback-connector-remote}: newline-delimited
 * mux-demux frames, {@code ["<id>","new",{"opts":{...}}]} then {@code ["<id>","data",<change>]} per
 * change. Nothing else is ever written to it (no heartbeats, ids or blank lines), since any extra
 * line breaks that client.
 */
final class JsonLinesSubscriber extends StreamSubscriber {

  /** The end of a frame, {@code <json>]\n}, shared by every stream of a filter; each writes its own prefix first. */
  private static final EncodedChange.Format<SharedChunk> TAIL_FORMAT = change -> {
    Buffer body = change.json();
    return new SharedChunk(Buffer.buffer(body.length() + 2).appendBuffer(body).appendString("]\n"));
  };

  private final SharedChunk dataPrefix;
  private final String streamId;

  JsonLinesSubscriber(HttpServerResponse response, FlushBatch flushBatch, ChangeHub hub, ModelDefinition model,
                      ChangeFilter filter, long maxQueuedBytes) {
    super(response, flushBatch, hub, model, filter, maxQueuedBytes);
    this.streamId = randomHex(26);
    this.dataPrefix = SharedChunk.of("[\"" + streamId + "\",\"data\",");
  }

  @Override
  protected void writeHeaders(HttpServerRequest request) {
    response.setChunked(true).putHeader("Content-Type", "application/json; boundary=NL");
  }

  @Override
  protected Buffer preamble() {
    return Buffer.buffer("[\"" + streamId + "\",\"new\",{\"opts\":{\"writable\":false,\"readable\":true}}]\n");
  }

  @Override
  protected void writeChange(EncodedChange change) {
    write(dataPrefix);
    write(change.encoded(TAIL_FORMAT));
  }

  @Override
  protected Buffer resetFrame(long afterSeq, long latestSeq) {
    return null;
  }

  @Override
  protected SharedChunk heartbeatFrame() {
    return null;
  }

  private static String randomHex(int length) {
    StringBuilder out = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (out.length() < length) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }
}
