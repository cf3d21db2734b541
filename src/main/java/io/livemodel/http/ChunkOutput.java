package io.livemodel.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.MessageWrite;
import io.vertx.core.net.impl.VertxConnection;

/**
 * Where a change stream's bytes go once its response head is out: the body of a chunked response.
 *
 * <p>{@link #open} picks one of two ways. On an HTTP/1.x connection, chunks go straight to the Netty
 * channel below Vert.x's HTTP encoder ({@link Channel}): a shared change is written as a duplicate of
 * one pre-framed direct buffer, with no promise, and the channel is flushed once per event-loop turn
 * through a {@link FlushBatch}, so a change costs each subscriber one queue entry rather than a trip
 * through Vert.x's response and Netty's HTTP encoder (chunk header, three buffers, a promise, a
 * flush). The writes still pass through the connection's own outbound queue, so they stay in order
 * with what Vert.x writes (the head before, the last chunk after) and its back-pressure
 * ({@code writeQueueFull}, drain) stays true. This uses Vert.x's connection internals; where they do
 * not fit (HTTP/2, another connection class), {@link Response} writes through the public API.
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
    HttpConnection connection = request.connection();
    if (request.version() != HttpVersion.HTTP_2 && connection instanceof VertxConnection vertxConnection) {
      ChannelHandlerContext encoder = vertxConnection.channel().pipeline().context(HttpResponseEncoder.class);
      if (encoder != null && encoder.executor().inEventLoop()) {
        response.writeHead();
        return new Channel(vertxConnection, encoder, batch);
      }
    }
    return new Response(response);
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

  /** Straight to the channel, below the HTTP encoder, flushed in batches. */
  final class Channel implements ChunkOutput {
    private final VertxConnection connection;
    private final ChannelHandlerContext encoder;
    private final FlushBatch batch;
    private boolean flushPending;

    Channel(VertxConnection connection, ChannelHandlerContext encoder, FlushBatch batch) {
      this.connection = connection;
      this.encoder = encoder;
      this.batch = batch;
    }

    @Override
    public void write(Buffer data) {
      if (data.length() > 0) {
        send(SharedChunk.frame(encoder.alloc().directBuffer(SharedChunk.framedLength(data.length())), data));
      }
    }

    @Override
    public void write(SharedChunk shared) {
      if (shared.length() > 0) {
        send(shared.chunkForWrite());
      }
    }

    private void send(ByteBuf chunk) {
      connection.writeToChannel(new MessageWrite() {
        @Override
        public void write() {
          // The encoder's context writes to the handlers before it: the chunk skips the HTTP encoder.
          encoder.write(chunk, connection.voidPromise);
          if (!encoder.channel().isWritable()) {
            // Past the high-water mark: hand the socket what it can take now rather than hold a
            // burst back until the end of the turn (back-pressure counts unflushed bytes too).
            flush();
          } else if (!flushPending) {
            flushPending = true;
            batch.add(Channel.this);
          }
        }

        @Override
        public void cancel(Throwable cause) {
          chunk.release();
        }
      });
    }

    java.util.concurrent.Executor executor() {
      return encoder.executor();
    }

    void flush() {
      flushPending = false;
      encoder.flush();
    }
  }
}
