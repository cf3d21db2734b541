package io.livemodel.http;

import io.livemodel.model.ModelDefinition;
import io.livemodel.stream.StreamMetrics;
import io.livemodel.stream.ChangeFilter;
import io.livemodel.stream.ChangeHub;
import io.livemodel.stream.EncodedChange;
import io.livemodel.stream.Subscriber;
import io.livemodel.stream.Subscription;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's change stream on a chunked HTTP response, in one of the two wire formats. Owns its
 * response and its {@link Subscription}: one cleanup path ({@link #close()}, idempotent) leaves the
 * hub whether the client went away, the write failed or the client was too slow.
 *
 * <p>Slow clients: writes go on while Vert.x's write queue is full, counting the bytes queued past
 * it; a client that stays behind by more than {@code maxQueuedBytes} is disconnected rather than
 * buffered without bound.
 */
abstract class StreamSubscriber implements Subscriber {

  private static final Logger LOG = Logger.getLogger(StreamSubscriber.class.getName());

  protected final HttpServerResponse response;
  private final FlushBatch flushBatch;
  private final ChangeHub hub;
  private final ModelDefinition model;
  private final ChangeFilter filter;
  private final long maxQueuedBytes;
  private long queuedPastLimit;
  private long lastWrite = System.currentTimeMillis();
  private Subscription subscription;
  private StreamAdmission.Ticket ticket;
  /** The HTTP/1.x connection, closed when the client is too slow; null on HTTP/2 (the stream is reset). */
  private HttpConnection connection;
  private ChunkOutput out;
  private boolean closed;
  private final String transport = this instanceof SseSubscriber ? StreamMetrics.SSE : StreamMetrics.JSONL;
  private StreamMetrics metrics = StreamMetrics.NOOP;
  private java.util.function.IntConsumer deliveries = n -> { };
  /** Run once when the stream ends (e.g. its token registry forgets it); null for none. */
  private Runnable onClose;

  StreamSubscriber(HttpServerResponse response, FlushBatch flushBatch, ChangeHub hub, ModelDefinition model,
                   ChangeFilter filter, long maxQueuedBytes) {
    this.response = response;
    this.flushBatch = flushBatch;
    this.hub = hub;
    this.model = model;
    this.filter = filter;
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /**
   * Sends headers and the preamble, joins the hub, and arranges cleanup on disconnect.
   *
   * @param afterSeq the last seq the client saw (it resumes after it), or -1 for live only
   * @param ticket the stream's place in the node's admission, released when the stream ends
   * @param tcpNoDelay false: the kernel may hold a small send until the client acknowledged the
   *     previous one (Nagle's algorithm, {@code stream.tcpNoDelay}); HTTP/1.x only (an HTTP/2
   *     connection carries the client's other requests too)
   */
  final void open(HttpServerRequest request, long afterSeq, StreamAdmission.Ticket ticket, boolean tcpNoDelay) {
    this.ticket = ticket;
    // On HTTP/2 the connection carries the client's other streams and requests too.
    connection = request.version() == HttpVersion.HTTP_2 ? null : request.connection();
    Timeouts.exemptFromIdleTimeout(request);
    response.closeHandler(v -> close());
    response.exceptionHandler(e -> close());
    response.drainHandler(v -> {
      ticket.queued(-queuedPastLimit);
      queuedPastLimit = 0;
    });
    writeHeaders(request);
    out = ChunkOutput.open(request, response, flushBatch);
    write(preamble());
    if (connection != null) {
      // The head is out and the request fully read: an idle stream need not keep either's headers
      // (a browser's request headers alone are 1-2 KB; tens of thousands of streams hold them for
      // hours). Nothing reads them after this: keep-alive was decided when the response was made.
      request.headers().clear();
      response.headers().clear();
      // vertx-web's routing context (the request wrapper, its data, the parsed arguments) is done
      // with too: what still points at it are the handlers it left on the request (body reading)
      // and on the response (its headers-end and end handlers), and each of those has run (CORS
      // headers, with the head) or was released when the stream opened (the request gate's place,
      // the body deadline).
      request.handler(null).endHandler(null);
      response.headersEndHandler(null).endHandler(null);
      VertxInternals.slimForStream(connection);
      if (!tcpNoDelay) {
        VertxInternals.useNagle(connection);
      }
    }
    (metrics = StreamMetrics.current()).streamOpened(model.name(), transport);
    deliveries = metrics.deliveries(model.name(), transport);
    subscription = hub.subscribe(model, filter, this, afterSeq);
  }

  /** Sets the response headers (chunked); {@link ChunkOutput#open} sends the head. */
  protected abstract void writeHeaders(HttpServerRequest request);

  protected abstract Buffer preamble();

  protected abstract void writeChange(EncodedChange change);

  /** The keep-alive to write when idle, or null if the format has none. */
  protected abstract SharedChunk heartbeatFrame();

  @Override
  public final void send(EncodedChange change) {
    if (!closed) {
      writeChange(change);
      deliveries.accept(1);
    }
  }

  @Override
  public final boolean congested() {
    return response.writeQueueFull();
  }

  @Override
  public final void reset(long afterSeq, long latestSeq) {
    if (!closed) {
      Buffer frame = resetFrame(afterSeq, latestSeq);
      if (frame != null) {
        write(frame);
      }
    }
  }

  /** The frame telling the client its position expired, or null if the format has none. */
  protected abstract Buffer resetFrame(long afterSeq, long latestSeq);

  @Override
  public final void heartbeat(long nowMillis, long intervalMillis) {
    SharedChunk frame = heartbeatFrame();
    if (!closed && frame != null && nowMillis - lastWrite >= intervalMillis) {
      write(frame);
    }
  }

  protected final void write(Buffer buffer) {
    if (writable(buffer.length())) {
      out.write(buffer);
    }
  }

  /** Writes bytes shared with other streams (an encoded change): no copy, no per-stream framing. */
  protected final void write(SharedChunk shared) {
    if (writable(shared.length())) {
      out.write(shared);
    }
  }

  /** False if the client is too far behind: then the stream is closed and the write dropped. */
  private boolean writable(int length) {
    if (response.writeQueueFull()) {
      queuedPastLimit += length;
      ticket.queued(length);
      if (queuedPastLimit > maxQueuedBytes) {
        LOG.log(Level.FINE, "closing slow change-stream client of {0}: {1} bytes behind",
            new Object[] {model.name(), queuedPastLimit});
        metrics.slowClientDisconnected(model.name(), transport);
        // Drop the stream, and with it everything queued for it: ending the response would
        // only queue more behind what the client does not read.
        leave();
        if (connection != null) {
          connection.close();
        } else {
          response.reset();
        }
        return false;
      }
    }
    lastWrite = System.currentTimeMillis();
    return true;
  }

  /** Leaves the hub and ends the response; safe to call any number of times. */
  @Override
  public final void close() {
    if (leave() && !response.ended() && !response.closed()) {
      if (connection != null) {
        // The stream's connection reads no further request (VertxInternals.slimForStream): end the
        // response, then the connection. A client's next request (an EventSource reconnecting) opens another.
        HttpConnection ended = connection;
        response.end().onComplete(done -> ended.close());
      } else {
        response.end();
      }
    }
  }

  /** Runs {@code action} once when the stream ends, whoever ends it (before {@link #open} only). */
  final void onClose(Runnable action) {
    this.onClose = action;
  }

  /** Leaves the hub; false if it had already left. */
  private boolean leave() {
    if (closed) {
      return false;
    }
    closed = true;
    if (onClose != null) {
      onClose.run();
    }
    ticket.release();
    if (subscription != null) {
      subscription.close();
    }
    metrics.streamClosed(model.name(), transport);
    return true;
  }
}
