package io.livemodel.bridge;

import io.livemodel.crud.access.AccessControl;
import io.livemodel.config.BridgeConfig;
import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.relations.RelationRoutes;
import io.livemodel.model.ModelRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;

/**
 * The SockJS event-bus bridge on the HTTP server, at {@link BridgeConfig#sockJsPath()}
 * ({@code /eventbus}): every SockJS transport, plus the raw WebSocket at {@code <path>/websocket}.
 * Clients may register {@code changes.<Model>} and receive exactly the change objects SSE clients
 * get (the per-model sequence number in the {@code seq} header); see {@link BridgePolicy}.
 */
public final class BridgeRoutes {

  /** Room for SockJS framing: each message travels as an escaped JSON string inside an array. */
  private static final int SOCKJS_OVERHEAD = 1024;

  private BridgeRoutes() {
  }

  /**
   * Mounts the bridge on {@code router}; call it before any body handler or catch-all route. Does
   * nothing when the SockJS bridge is off ({@code sockJsPath} null). Call once per HTTP verticle,
   * on its event loop (the bridge's state is per verticle). {@code hardClose} closes a connection cut
   * off for reading too slowly ({@link SlowConsumers}).
   */
  public static void mount(Router router, Vertx vertx, ModelRegistry models, ModelOperations operations,
                           BridgeConfig config, AccessControl access, HardClose hardClose) {
    if (config.sockJsPath() == null) {
      return;
    }
    BridgePolicy policy = new BridgePolicy(models, config, access, new RelationRoutes(vertx, operations));
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .setOutboundPermitteds(policy.outboundPermitted())
        .setInboundPermitteds(policy.inboundPermitted())
        .setMaxHandlersPerSocket(config.maxHandlersPerSocket())
        .setMaxAddressLength(config.maxAddressLength());
    Router bridge = SockJSHandler.create(vertx).bridge(options, new SockJsBridgeEvents(vertx, policy, hardClose));
    String path = config.sockJsPath().endsWith("/")
        ? config.sockJsPath().substring(0, config.sockJsPath().length() - 1)
        : config.sockJsPath();
    // xhr_send and jsonp_send need a body handler; this one caps bodies at the transport limit. POST
    // only: on a GET it would read the request, and a WebSocket upgrade could then no longer be accepted.
    router.post(path + "/*").handler(BodyHandler.create(false).setBodyLimit(transportLimit(config)));
    router.postWithRegex(java.util.regex.Pattern.quote(path) + "/[^/.]+/[^/.]+/xhr_send").handler(new SockJsSendCheck());
    BridgeLogFilter.install();
    router.route(path + "/*").subRouter(bridge);
    if (config.inboundCrud()) {
      BridgeCrud.register(vertx, models, operations, access);
    }
  }

  /**
   * Caps WebSocket frames and messages (only the bridge uses WebSockets) so that a client cannot
   * make the server buffer more than the transport limit; the exact per-message limit is then
   * checked on each bridge frame.
   */
  public static HttpServerOptions limitWebSockets(HttpServerOptions options, BridgeConfig config) {
    int limit = transportLimit(config);
    return options.setMaxWebSocketFrameSize(limit).setMaxWebSocketMessageSize(limit);
  }

  /** A SockJS message holding one bridge frame of {@code maxMessageBytes}, escaped, fits in this. */
  static int transportLimit(BridgeConfig config) {
    long limit = 2L * config.maxMessageBytes() + SOCKJS_OVERHEAD;
    return (int) Math.min(Integer.MAX_VALUE, limit);
  }
}
