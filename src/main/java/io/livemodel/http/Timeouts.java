package io.livemodel.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

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
    // Through the routing context: response().endHandler would replace the context's own end handlers.
    ctx.addEndHandler(v -> vertx.cancelTimer(timer));
  }

  /** The whole body has arrived (the body handler is done): the deadline no longer applies. */
  static void bodyReceived(RoutingContext ctx) {
    Long timer = ctx.get(BODY_TIMER);
    if (timer != null) {
      ctx.vertx().cancelTimer(timer);
    }
  }

  /**
   * Removes the idle-timeout handler from a streaming connection ({@link VertxInternals}: Netty
   * pipeline). Where that is unavailable (reported at start), the stream stays subject to the timeout.
   */
  static void exemptFromIdleTimeout(HttpServerRequest request) {
    VertxInternals.exemptFromIdleTimeout(request);
  }
}
