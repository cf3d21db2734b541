package io.livemodel.http;

import io.livemodel.bridge.BridgeRoutes;
import io.livemodel.crud.access.AccessControl;
import io.livemodel.config.ServerConfig;
import io.livemodel.crud.ModelOperations;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelRegistry;
import io.livemodel.ops.HealthHandler;
import io.livemodel.ops.Ops;
import io.livemodel.store.Store;
import io.livemodel.stream.ChangeBus;
import io.livemodel.stream.ChangeHub;
import io.livemodel.stream.SharedEncodings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;

/**
 * Serves the REST API and change streams. Deployed once per core; each instance has its own
 * {@link ChangeHub} (one event-bus consumer per model) and shares the listening port with the others.
 * {@link #start()} completes when the server listens and every consumer is registered.
 */
public final class HttpVerticle extends VerticleBase {

  /** The longest request line served (Node's limit on a whole request head): longer ones get a 414. */
  static final int MAX_REQUEST_LINE = 16 * 1024;

  private final ServerConfig config;
  private final ModelRegistry models;
  private final ModelOperations operations;
  private final Store store;
  private final ClusterManager clusterManager;
  private final ChangeBus bus;
  private final SharedEncodings encodings;
  private final StreamAdmission admission;
  private final AccessControl access;
  private final RequestGate gate;
  private ChangeHub hub;
  private HttpServer server;

  /**
   * @param bus the node's change bus
   * @param admission the node's stream admission, shared by its HTTP verticles
   * @param clusterManager the node's cluster manager, null when not clustered
   * @param encodings the node's change encodings, shared by its HTTP verticles
   * @param access the node's access control
   * @param gate the node's requests in progress per client, shared by its HTTP verticles
   */
  public HttpVerticle(ServerConfig config, ModelRegistry models, ModelOperations operations, Store store,
                      ChangeBus bus, SharedEncodings encodings, StreamAdmission admission,
                      ClusterManager clusterManager, AccessControl access, RequestGate gate) {
    this.access = access;
    this.gate = gate;
    this.admission = admission;
    this.config = config;
    this.store = store;
    this.clusterManager = clusterManager;
    this.bus = bus;
    this.encodings = encodings;
    this.models = models;
    this.operations = operations;
  }

  @Override
  public Future<?> start() {
    VertxInternals.logSelfCheck(vertx);
    hub = new ChangeHub(vertx, bus, encodings);
    long idleMillis = config.idleTimeoutSeconds() * 1000L;
    Router router = Router.router(vertx);
    // First: CORS headers go on every answer (bridge, health and errors too), preflights end here.
    Cors.mount(router, config.cors());
    // Then the client's requests in progress: a refusal costs nothing more and still carries CORS headers.
    gate.mount(router);
    router.get("/health").handler(new HealthHandler(clusterManager, config.store().type()));
    Ops.mount(router, vertx, config, models, store, clusterManager);
    BridgeRoutes.mount(router, vertx, models, operations, config.bridge(), access, VertxInternals::closeNow);
    // REST requests only: bridge transports (SockJS streaming, WebSockets) are long-lived by design.
    router.route().handler(ctx -> {
      Timeouts.bodyDeadline(ctx, idleMillis);
      ctx.next();
    });
    router.route().handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()));
    router.route().handler(ctx -> {
      Timeouts.bodyReceived(ctx);
      ctx.next();
    });
    ChangeStreamEndpoint streams = new ChangeStreamEndpoint(hub, config.stream().retryMs(), config.stream().maxQueuedBytes(),
        config.stream().tcpNoDelay(), admission);
    router.route().handler(new RestApi(vertx, config.restApiRoot(), models, operations, streams, access));
    router.route().failureHandler(HttpVerticle::failure);

    HttpServerOptions options = BridgeRoutes.limitWebSockets(new HttpServerOptions(), config.bridge())
        .setHost(config.host())
        .setPort(listenPort(config.port()))
        .setCompressionSupported(false)
        .setMaxHeaderSize(config.maxHeaderSize())
        // Node's HTTP parser, LoopBack 3's, takes a request head of up to 16 KB, so a filter of 9-16 KB
        // in the URL works there; Vert.x's default (4 KB) and our former 8 KB refused it with a 414.
        .setMaxInitialLineLength(MAX_REQUEST_LINE)
        .setTcpNoDelay(true)
        // Every response is written on this verticle's event loop; in return Vert.x writes straight
        // to the channel instead of through a per-connection queue (about 4 KB less per stream).
        .setStrictThreadMode(true)
        .setIdleTimeout(config.idleTimeoutSeconds());
    server = vertx.createHttpServer(options).connectionHandler(ProtocolGuard::install)
        .invalidRequestHandler(request -> invalidRequest(request, config.maxHeaderSize()))
        .requestHandler(router);
    hub.start(models.all(), store, config.stream().heartbeatSeconds());
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    // Streams end first, so their clients reconnect (and resume) elsewhere; then the server stops
    // accepting and waits briefly for in-flight requests.
    hub.stop();
    return server == null ? Future.succeededFuture() : server.shutdown(5, TimeUnit.SECONDS);
  }

  /**
   * The port to listen on: port 0 (any free port) becomes -1, which Vert.x binds once to a random
   * port shared by every server listening on -1 and the same host (with 0 each instance would get
   * its own port, and only the first would be reachable through {@code LiveModelServer.port()}).
   */
  static int listenPort(int configured) {
    return configured == 0 ? -1 : configured;
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** This verticle's fan-out (tests check it for leaks). */
  public ChangeHub hub() {
    return hub;
  }

  /**
   * A request the HTTP codec could not decode (too long a line or header block, or not HTTP): its 4xx
   * as a LoopBack error body ({@link ClientFaults#undecodable}), then the connection closes, since
   * whatever follows on it cannot be framed. Vert.x's default handler answers the same statuses with
   * no body.
   */
  static void invalidRequest(HttpServerRequest request, int maxHeaderSize) {
    Throwable cause = request.decoderResult().cause();
    ApiError error = ClientFaults.undecodable(cause, MAX_REQUEST_LINE, maxHeaderSize);
    if (cause != null) {
      ClientFaults.log(String.valueOf(request.method()), "(undecodable request)", error, cause);
    }
    request.response().putHeader("Connection", "close");
    Responses.error(request.response(), error);
    request.connection().close();
  }

  private static void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure == null) {
      int status = ctx.statusCode();
      ApiError error = switch (status) {
        case 413 -> new ApiError(413, "PayloadTooLargeError", "request entity too large", null, null);
        case 400 -> ApiError.badRequest("Bad Request");
        default -> new ApiError(status, "Error", "HTTP " + status, null, null);
      };
      Responses.error(ctx.response(), error);
      return;
    }
    Responses.error(ctx.request(), failure);
  }
}
