package io.livemodel.ops;

import io.livemodel.config.OpsConfig;

import io.livemodel.config.ServerConfig;
import io.livemodel.model.ModelRegistry;
import io.livemodel.store.ChangeLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operator surface on an HTTP verticle's router: {@code /metrics} (or a management port),
 * {@code /ready}, {@code /explorer/}, {@code /console}. One call per HTTP verticle, before the REST
 * API's catch-all routes.
 */
public final class Ops {

  private static final Logger LOG = Logger.getLogger(Ops.class.getName());

  private Ops() {
  }

  /**
   * Mounts every operator route on {@code router}; {@code store} is the node's store (read for
   * readiness), {@code cluster} its cluster manager (null when not clustered).
   */
  public static void mount(Router router, Vertx vertx, ServerConfig config, ModelRegistry models, ChangeLog store,
                           ClusterManager cluster) {
    OpsConfig ops = config.ops();
    Logs.demoteRoutineWarnings();
    if (ops.accessLog()) {
      router.route().order(-1).handler(new AccessLog());
    }
    router.get("/ready").handler(new ReadyHandler(vertx, models, store, cluster));
    mountMetrics(router, vertx, ops, cluster);
    Explorer.mount(router, config, models);
    Console.mount(router, config, models, cluster);
  }

  private static void mountMetrics(Router router, Vertx vertx, OpsConfig ops, ClusterManager cluster) {
    if (!ops.metricsEnabled()) {
      MicrometerStreamMetrics.disable(vertx);
      return;
    }
    PrometheusMeterRegistry registry = Metrics.registry(vertx);
    MicrometerStreamMetrics.of(vertx); // installs the stream metrics the stream code reports to
    synchronized (registry) { // once per node, whichever HTTP verticle comes first
      if (registry.find("livemodel.cluster.members").gauge() == null) {
        Gauge.builder("livemodel.cluster.members", () -> cluster == null ? 1 : cluster.getNodes().size())
            .description("Members of this node's cluster as it sees them (1 when not clustered)")
            .register(registry);
      }
    }
    MetricsEndpoint endpoint = new MetricsEndpoint(registry, ops.metricsToken());
    if (ops.metricsPort() == 0) {
      router.get("/metrics").handler(endpoint);
      return;
    }
    // A management port: every HTTP verticle listens on it, and Vert.x shares the socket between them.
    Router management = Router.router(vertx);
    management.get("/metrics").handler(endpoint);
    management.route().failureHandler(OpsResponses::failure);
    vertx.createHttpServer().requestHandler(management).listen(ops.metricsPort(), ops.metricsHost())
        .onFailure(e -> LOG.log(Level.SEVERE, "cannot listen for /metrics on " + ops.metricsHost() + ":"
            + ops.metricsPort() + ": " + e.getMessage()));
  }

}
