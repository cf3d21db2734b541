package io.livemodel.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Where a change stream's bytes go once its response head is out: the body of a chunked response.
 *
 * <p>{@link #open} picks one of two ways. On an HTTP/1.x connection, chunks go straight to the Netty
 * channel below Vert.x's HTTP encoder ({@link VertxInternals.DirectOutput}): a shared change is
 * written as a duplicate of one pre-framed direct buffer, with no promise, and the channel is
 * flushed once per event-loop turn through a {@link FlushBatch}, so a change costs each subscriber
 * one queue entry rather than a trip
 * through Vert.x's response and Netty's HTTP encoder (chunk header, three buffers, a promise, a
 * flush). The writes still pass through the connection's own outbound queue, so they stay in order
 * with what Vert.x writes (the head before, the last chunk after) and its back-pressure
 * ({@code writeQueueFull}, drain) stays true. This uses Vert.x's connection internals, all in
 * {@link VertxInternals}; where they do not fit (HTTP/2, another connection class, or a fallback
 * forced by a test), {@link Response} writes through the public API.
 *
 * <p>Used on the connection's event loop only.
 */
interface ChunkOutput {

  /** Writes {@code data} as one chunk (nothing if empty). */
  void write(Buffer data);

  /** Writes bytes shared by many streams as one chunk (nothing if empty). */
  void write(SharedChunk shared);

  /**
   * Sends the response head (status and headers already set, chunked) and returns the fastest output
   * this connection allows.
   */
  static ChunkOutput open(HttpServerRequest request, HttpServerResponse response, FlushBatch batch) {
    return VertxInternals.openChunkOutput(request, response, batch);
  }

  /** Through Vert.x's public response API: one chunked write per call. */
  final class Response implements ChunkOutput {
    private final HttpServerResponse response;

    Response(HttpServerResponse response) {
      this.response = response;
    }

    @Override
    public void write(Buffer data) {
      if (data.length() > 0) {
        response.write(data);
      }
    }

    @Override
    public void write(SharedChunk shared) {
      write(shared.data());
    }
  }
}
