package io.livemodel.http;

import io.livemodel.bridge.BridgeRoutes;
import io.livemodel.cluster.HealthHandler;
import io.livemodel.config.ServerConfig;
import io.livemodel.crud.ModelOperations;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelRegistry;
import io.livemodel.store.ChangeLog;
import io.livemodel.stream.ChangeHub;
import io.livemodel.stream.SharedEncodings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
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

  private final ServerConfig config;
  private final ModelRegistry models;
  private final ModelOperations operations;
  private final ChangeLog changeLog;
  private final SharedEncodings encodings;
  private ChangeHub hub;
  private HttpServer server;

  /** @param encodings the node's change encodings, shared by its HTTP verticles */
  public HttpVerticle(ServerConfig config, ModelRegistry models, ModelOperations operations, ChangeLog changeLog,
                      SharedEncodings encodings) {
    this.config = config;
    this.changeLog = changeLog;
    this.encodings = encodings;
    this.models = models;
    this.operations = operations;
  }

  @Override
  public Future<?> start() {
    hub = new ChangeHub(vertx, changeLog, config.stream().gapWaitMillis(), encodings);
    long idleMillis = config.idleTimeoutSeconds() * 1000L;
    Router router = Router.router(vertx);
    router.get("/health").handler(new HealthHandler(vertx, config.store().type()));
    BridgeRoutes.mount(router, vertx, models, operations, config.bridge());
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
    ChangeStreamEndpoint streams = new ChangeStreamEndpoint(hub, config.stream().retryMs(), config.stream().maxQueuedBytes());
    router.route().handler(new RestApi(vertx, config.restApiRoot(), models, operations, streams));
    router.route().failureHandler(HttpVerticle::failure);

    HttpServerOptions options = BridgeRoutes.limitWebSockets(new HttpServerOptions(), config.bridge())
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(false)
        .setMaxHeaderSize(config.maxHeaderSize())
        .setMaxInitialLineLength(8192)
        .setTcpNoDelay(true)
        // Every response is written on this verticle's event loop; in return Vert.x writes straight
        // to the channel instead of through a per-connection queue (about 4 KB less per stream).
        .setStrictThreadMode(true)
        .setIdleTimeout(config.idleTimeoutSeconds());
    server = vertx.createHttpServer(options).connectionHandler(ProtocolGuard::install).requestHandler(router);
    return hub.start(models.all(), config.stream().heartbeatSeconds())
        .compose(v -> server.listen())
        .mapEmpty();
  }

  @Override
  public Future<?> stop() {
    // Streams end first, so their clients reconnect (and resume) elsewhere; then the server stops
    // accepting and waits briefly for in-flight requests.
    return hub.stop().compose(v -> server == null ? Future.succeededFuture()
        : server.shutdown(5, TimeUnit.SECONDS));
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** This verticle's fan-out (tests check it for leaks). */
  public ChangeHub hub() {
    return hub;
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
