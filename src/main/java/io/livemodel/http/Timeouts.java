package io.livemodel.http;

import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps slow or idle connections from holding the server. The server's idle timeout
 * ({@code HttpServerOptions.setIdleTimeout}) closes a connection that moves no byte for
 * {@code http.idleTimeoutSeconds}: one that never finishes its request headers, or an idle
 * keep-alive connection. On top of it:
 * <ul>
 *   <li>a request whose body has not fully arrived within the timeout is cut off, however slowly
 *       it trickles in ({@link #bodyDeadline});</li>
 *   <li>a change stream is exempt from the idle timeout ({@link #exemptFromIdleTimeout}): SSE streams
 *       carry heartbeats anyway, and LoopBack's JSON-lines stream must stay silent while idle.</li>
 * </ul>
 */
final class Timeouts {

  private static final Logger LOG = Logger.getLogger(Timeouts.class.getName());

  private Timeouts() {
  }

  private static final String BODY_TIMER = "livemodel.bodyTimer";

  /** Arms the body deadline of a request; {@link #bodyReceived} disarms it. */
  static void bodyDeadline(RoutingContext ctx, long timeoutMillis) {
    HttpServerRequest request = ctx.request();
    if (timeoutMillis <= 0 || request.isEnded()) {
      return;
    }
    Vertx vertx = ctx.vertx();
    long timer = vertx.setTimer(timeoutMillis, id -> {
      if (!request.isEnded()) {
        request.connection().close();
      }
    });
    ctx.put(BODY_TIMER, timer);
    request.response().endHandler(v -> vertx.cancelTimer(timer));
  }

  /** The whole body has arrived (the body handler is done): the deadline no longer applies. */
  static void bodyReceived(RoutingContext ctx) {
    Long timer = ctx.get(BODY_TIMER);
    if (timer != null) {
      ctx.vertx().cancelTimer(timer);
    }
  }

  /**
   * Removes the idle-timeout handler from a streaming connection. Uses Vert.x's connection internals
   * (Netty pipeline); if they ever change, the stream simply stays subject to the idle timeout.
   */
  static void exemptFromIdleTimeout(HttpServerRequest request) {
    HttpConnection connection = request.connection();
    try {
      if (connection instanceof ConnectionBase base) {
        var pipeline = base.channelHandlerContext().pipeline();
        if (pipeline.get(IdleStateHandler.class) != null) {
          pipeline.remove(IdleStateHandler.class);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.FINE, "could not exempt a stream from the idle timeout", e);
    }
  }
}
