package io.livemodel.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.MessageWrite;
import io.vertx.core.net.impl.VertxConnection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that uses Vert.x and Netty internals (classes outside their public API). Two fast
 * paths, each with a fallback through the public API:
 * <ul>
 *   <li><b>SSE writes</b>: "direct to channel" ({@link DirectOutput}: below Vert.x's HTTP encoder) or
 *       "public API" ({@link ChunkOutput.Response}); both send the same bytes.</li>
 *   <li><b>idle-timeout exemption</b>: "pipeline" (a stream's connection loses Netty's
 *       {@link IdleStateHandler}) or "unavailable": the stream then stays subject to the server's idle
 *       timeout and is closed after {@code http.idleTimeoutSeconds} without a byte (SSE heartbeats
 *       more often than that keep it open; a JSON-lines stream, silent when idle, does not).</li>
 * </ul>
 *
 * <p>What the fast paths need from the class path (classes, methods, fields) is resolved once, when
 * this class loads; {@link #selfCheck()} reports it, and {@link #logSelfCheck} logs it at start. What
 * only a live connection shows (its class, its pipeline) is checked as each stream opens: the first
 * mismatch is logged at WARNING and from then on reported by {@link #selfCheck()}. A Vert.x upgrade
 * that breaks a fast path therefore fails {@code VertxInternalsTest} instead of degrading silently.
 *
 * <p>The path is chosen once per stream, at open: the fast path's writes cost what they cost
 * before (no check, no indirection per write). {@link #forceFallback} lets tests take each fallback.
 */
final class VertxInternals {

  private static final Logger LOG = Logger.getLogger(VertxInternals.class.getName());

  /** A fast path with a fallback. */
  enum Feature { DIRECT_WRITES, IDLE_EXEMPTION }

  /** The path one feature takes: the fast one, or the fallback and why ({@code description}). */
  record Path(boolean fast, String description) {
  }

  /** Which path each feature takes on this class path (and on the connections seen so far). */
  record SelfCheck(Path sseWrites, Path idleExemption) {
    boolean fastPaths() {
      return sseWrites.fast() && idleExemption.fast();
    }

    @Override
    public String toString() {
      return "SSE writes: " + sseWrites.description() + "; idle-timeout exemption: " + idleExemption.description();
    }
  }

  /** Why the class path does not support a feature; null when it does. Resolved once. */
  private static final String DIRECT_WRITES_MISSING = resolveDirectWrites();
  private static final String IDLE_EXEMPTION_MISSING = resolveIdleExemption();

  private static final Set<Feature> FORCED = ConcurrentHashMap.newKeySet();
  /** The first live connection that did not fit a feature's fast path, per feature. */
  private static final Map<Feature, String> DEGRADED = new ConcurrentHashMap<>();

  private VertxInternals() {
  }

  private static String resolveDirectWrites() {
    try {
      ConnectionBase.class.getMethod("channel");
      VertxConnection.class.getMethod("writeToChannel", MessageWrite.class);
      VertxConnection.class.getField("voidPromise");
      BufferInternal.class.getMethod("getByteBuf");
      return null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return "Vert.x internals missing: " + e;
    }
  }

  private static String resolveIdleExemption() {
    try {
      ConnectionBase.class.getMethod("channelHandlerContext");
      return null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return "Vert.x internals missing: " + e;
    }
  }

  /** The paths in use: class-path support, tests' forcing, and any mismatch seen on a live connection. */
  static SelfCheck selfCheck() {
    return new SelfCheck(path(Feature.DIRECT_WRITES, DIRECT_WRITES_MISSING, "direct to channel"),
        path(Feature.IDLE_EXEMPTION, IDLE_EXEMPTION_MISSING, "pipeline"));
  }

  private static Path path(Feature feature, String missing, String fast) {
    String reason = unavailable(feature, missing);
    if (reason == null) {
      reason = DEGRADED.get(feature);
    }
    String fallback = feature == Feature.DIRECT_WRITES ? "public API" : "unavailable";
    return reason == null ? new Path(true, fast) : new Path(false, fallback + " (" + reason + ")");
  }

  private static String unavailable(Feature feature, String missing) {
    return missing != null ? missing : FORCED.contains(feature) ? "forced by a test" : null;
  }

  /** Logs {@link #selfCheck()} at INFO, once per Vert.x instance (every HTTP verticle may call it). */
  static void logSelfCheck(Vertx vertx) {
    if (vertx.sharedData().getLocalMap("livemodel.http.internals").putIfAbsent("logged", Boolean.TRUE) == null) {
      LOG.info(selfCheck().toString());
    }
  }

  /** Tests only: makes {@code feature} take its fallback until {@link #clearForced()}. */
  static void forceFallback(Feature feature) {
    FORCED.add(feature);
  }

  /** Tests only: every feature takes its fast path again where it can. */
  static void clearForced() {
    FORCED.clear();
  }

  /** Whether {@link #byteBuf} may be called: SharedChunk frames its bytes only then. */
  static boolean directWritesLinked() {
    return DIRECT_WRITES_MISSING == null;
  }

  /** The Netty buffer under a Vert.x buffer (no copy). Only when {@link #directWritesLinked()}. */
  static ByteBuf byteBuf(Buffer data) {
    return ((BufferInternal) data).getByteBuf();
  }

  /**
   * Sends the response head and returns the output for the stream's body: straight to the channel on
   * an HTTP/1.x connection that fits, else through the public API. HTTP/2 always takes the public
   * API (by design, not a degradation).
   */
  static ChunkOutput openChunkOutput(HttpServerRequest request, HttpServerResponse response, FlushBatch batch) {
    if (request.version() == HttpVersion.HTTP_2
        || unavailable(Feature.DIRECT_WRITES, DIRECT_WRITES_MISSING) != null) {
      return new ChunkOutput.Response(response);
    }
    HttpConnection connection = request.connection();
    if (!(connection instanceof VertxConnection vertxConnection)) {
      return degraded(Feature.DIRECT_WRITES, "connection is a " + connection.getClass().getName(), response);
    }
    ChannelHandlerContext encoder = vertxConnection.channel().pipeline().context(HttpResponseEncoder.class);
    if (encoder == null) {
      return degraded(Feature.DIRECT_WRITES, "no HttpResponseEncoder in the connection's pipeline", response);
    }
    if (!encoder.executor().inEventLoop()) {
      return degraded(Feature.DIRECT_WRITES, "stream opened off the connection's event loop", response);
    }
    response.writeHead();
    return new DirectOutput(vertxConnection, encoder, batch);
  }

  private static ChunkOutput degraded(Feature feature, String reason, HttpServerResponse response) {
    noteDegraded(feature, reason);
    return new ChunkOutput.Response(response);
  }

  private static void noteDegraded(Feature feature, String reason) {
    if (DEGRADED.putIfAbsent(feature, reason) == null) {
      LOG.warning(selfCheck() + " — a live connection did not fit the fast path");
    }
  }

  /**
   * Closes a connection (HTTP, WebSocket, TCP) below its pipeline, discarding what it has queued: a
   * WebSocket's or an HTTP response's handlers would otherwise first queue a close frame or the
   * response's end behind everything already queued, and wait for a client that does not read (the
   * bridges' slow-consumer cutoff). Returns false if {@code connection} is no Vert.x connection
   * (nothing is done). Any thread: off the connection's event loop the channel is closed the usual
   * Netty way, which still discards the queue.
   */
  static boolean closeNow(Object connection) {
    if (!(connection instanceof ConnectionBase base)) {
      return false;
    }
    if (base.channel().eventLoop().inEventLoop()) {
      base.channel().unsafe().close(base.channel().unsafe().voidPromise());
    } else {
      base.channel().close();
    }
    return true;
  }

  /**
   * The Netty pipeline of a connection ({@link ProtocolGuard} adds its handler there), or null where
   * the connection class does not expose one: then the guard is not installed, which BadInputTest's
   * raw-protocol cases notice.
   */
  static ChannelPipeline pipeline(HttpConnection connection) {
    return connection instanceof ConnectionBase base ? base.channel().pipeline() : null;
  }

  /**
   * Removes the idle-timeout handler from a streaming connection's pipeline. Returns whether the
   * stream is exempt (also true when the server has no idle timeout: there is nothing to remove).
   */
  static boolean exemptFromIdleTimeout(HttpServerRequest request) {
    if (unavailable(Feature.IDLE_EXEMPTION, IDLE_EXEMPTION_MISSING) != null) {
      return false;
    }
    HttpConnection connection = request.connection();
    if (!(connection instanceof ConnectionBase base)) {
      noteDegraded(Feature.IDLE_EXEMPTION, "connection is a " + connection.getClass().getName());
      return false;
    }
    try {
      ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
      if (pipeline.get(IdleStateHandler.class) != null) {
        pipeline.remove(IdleStateHandler.class);
      }
      return true;
    } catch (RuntimeException e) {
      // Closed meanwhile (the handler went with the channel), or a pipeline Netty refuses to change.
      LOG.log(Level.FINE, "could not exempt a stream from the idle timeout", e);
      return false;
    }
  }

  /** Handlers an open HTTP/1.x change stream has no more use for (upgrades, file sends, the request guard). */
  private static final List<String> UNUSED_BY_STREAMS =
      List.of("h2c", "webSocketExtensionHandler", "chunkedWriter", ProtocolGuard.NAME);

  /**
   * Slims the pipeline of an HTTP/1.x connection that now carries a change stream: its request was
   * read in full and its response never ends while the stream is open, so the request decoder (with its
   * buffers) becomes a handler that stops reading once the client sends more ({@link DropInput}: a
   * pipelined request to a response that never ends is never answered anyway), and the upgrade,
   * file-send and guard handlers go.
   * About 0.8 KB less per idle stream. Done after the current read (the decoder may be on the stack):
   * the stream's end closes the connection ({@link StreamSubscriber#close}). Returns false where the
   * connection is no Vert.x connection (nothing is done).
   */
  static boolean slimForStream(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      return false;
    }
    Channel channel = base.channel();
    channel.eventLoop().execute(() -> {
      if (!channel.isActive()) {
        return;
      }
      try {
        ChannelPipeline pipeline = channel.pipeline();
        for (String name : UNUSED_BY_STREAMS) {
          if (pipeline.get(name) != null) {
            pipeline.remove(name);
          }
        }
        ChannelHandlerContext decoder = pipeline.context(HttpRequestDecoder.class);
        if (decoder != null) {
          pipeline.replace(decoder.handler(), "livemodel-stream-input", DropInput.INSTANCE);
        }
      } catch (RuntimeException e) {
        // Closed meanwhile, or a pipeline Netty refuses to change: the stream works as it was.
        LOG.log(Level.FINE, "could not slim a stream's pipeline", e);
      }
    });
    return true;
  }

  /**
   * Gives a change stream's socket Nagle's algorithm back ({@code stream.tcpNoDelay} false): the kernel
   * then holds a small send while the client has not acknowledged the previous one. For an HTTP/1.x
   * connection that carries only the stream. Returns false where the connection is no Vert.x
   * connection (nothing is done).
   */
  static boolean useNagle(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      return false;
    }
    try {
      base.channel().config().setOption(ChannelOption.TCP_NODELAY, false);
      return true;
    } catch (RuntimeException e) {
      // Closed meanwhile: nothing left to send.
      LOG.log(Level.FINE, "could not set TCP_NODELAY off on a stream's socket", e);
      return false;
    }
  }

  /**
   * Takes the place of the request decoder on a change stream's connection (shared by every stream):
   * the first bytes a client sends after its request are dropped and the connection stops reading, as
   * Vert.x pauses a connection whose next request waits behind a response in progress. The client's
   * further bytes stay in the socket buffers until it stops or goes: it cannot make the node read
   * (and spend CPU on) a stream of input. A close by the client is still seen.
   */
  @ChannelHandler.Sharable
  private static final class DropInput extends ChannelInboundHandlerAdapter {
    static final DropInput INSTANCE = new DropInput();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
      ctx.channel().config().setAutoRead(false);
    }
  }

  /**
   * Straight to the channel, below the HTTP encoder, flushed in batches ({@link FlushBatch}). The
   * writes still pass through the connection's own outbound queue, so they stay in order with what
   * Vert.x writes (the head before, the last chunk after) and its back-pressure
   * ({@code writeQueueFull}, drain) stays true. Used on the connection's event loop only.
   */
  static final class DirectOutput implements ChunkOutput {
    private final VertxConnection connection;
    private final ChannelHandlerContext encoder;
    private final FlushBatch batch;
    private boolean flushPending;

    DirectOutput(VertxConnection connection, ChannelHandlerContext encoder, FlushBatch batch) {
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
            batch.add(DirectOutput.this);
          }
        }

        @Override
        public void cancel(Throwable cause) {
          chunk.release();
        }
      });
    }

    Executor executor() {
      return encoder.executor();
    }

    void flush() {
      flushPending = false;
      encoder.flush();
    }
  }
}
