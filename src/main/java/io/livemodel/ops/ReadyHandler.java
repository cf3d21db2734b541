package io.livemodel.ops;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.store.ChangeLog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /ready}, the readiness probe: 200 {@code {"status":"READY",...}} when the models are
 * loaded, the store answers a cheap read (the first model's latest change sequence) within
 * {@link #STORE_TIMEOUT_MS}, and, on a clustered node, the node is a member of its cluster;
 * otherwise 503 {@code {"status":"NOT_READY","reason":"..."}} naming the first check that failed.
 * {@code /health} stays the liveness probe: a node whose database is down is alive but not ready.
 */
public final class ReadyHandler implements Handler<RoutingContext> {

  static final long STORE_TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final ModelRegistry models;
  private final ChangeLog store;
  private final ClusterManager clusterManager;

  /** @param clusterManager the node's cluster manager, or null when it is not clustered */
  public ReadyHandler(Vertx vertx, ModelRegistry models, ChangeLog store, ClusterManager clusterManager) {
    this.vertx = vertx;
    this.models = models;
    this.store = store;
    this.clusterManager = clusterManager;
  }

  /** Completes with the readiness document (never fails). */
  public Future<JsonObject> check() {
    if (models.all().isEmpty()) {
      return Future.succeededFuture(notReady("no model is loaded"));
    }
    ModelDefinition probe = models.all().iterator().next();
    return store.latestSeq(probe)
        .timeout(STORE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(seq -> (JsonObject) null)
        .recover(failure -> Future.succeededFuture(notReady("the store does not answer: " + message(failure))))
        .compose(storeProblem -> storeProblem != null ? Future.succeededFuture(storeProblem)
            : clusterManager == null ? Future.succeededFuture(ready())
            : vertx.executeBlocking(this::clusterCheck, false)
                .recover(failure -> Future.succeededFuture(notReady("cluster membership unknown: " + message(failure)))));
  }

  /** Membership calls may block while the cluster changes: runs on a worker. */
  private JsonObject clusterCheck() {
    if (!clusterManager.isActive()) {
      return notReady("the node has left its cluster");
    }
    String self = clusterManager.getNodeId();
    return clusterManager.getNodes().contains(self) ? ready() : notReady("the node has not joined its cluster");
  }

  private JsonObject ready() {
    return new JsonObject().put("status", "READY").put("models", models.all().size());
  }

  private static JsonObject notReady(String reason) {
    return new JsonObject().put("status", "NOT_READY").put("reason", reason);
  }

  private static String message(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? "no answer" : message;
  }

  @Override
  public void handle(RoutingContext ctx) {
    check().onComplete(result -> {
      JsonObject body = result.result();
      ctx.response()
          .setStatusCode("READY".equals(body.getString("status")) ? 200 : 503)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .end(body.toBuffer());
    });
  }
}
