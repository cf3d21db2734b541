package io.livemodel.ops;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /health}: whether this node is up and, when clustered, its node id and the cluster's
 * members as this node currently sees them.
 *
 * <pre>{"status":"UP","clustered":true,"nodeId":"…","members":["…","…"],"store":"postgres"}</pre>
 *
 * <p>200 with {@code "status":"UP"}; 503 with {@code "status":"DOWN"} when a clustered node has left
 * its cluster (its changes no longer reach other nodes). Members are sorted, so answers compare.
 */
public final class HealthHandler implements Handler<RoutingContext> {

  private final ClusterManager clusterManager;
  private final String storeType;

  /** @param clusterManager the node's cluster manager, or null when the node is not clustered */
  public HealthHandler(ClusterManager clusterManager, String storeType) {
    this.clusterManager = clusterManager;
    this.storeType = storeType;
  }

  /** The health document, as served. */
  public JsonObject health() {
    JsonObject body = new JsonObject();
    if (clusterManager == null) {
      return body.put("status", "UP").put("clustered", false).put("store", storeType);
    }
    boolean active = clusterManager.isActive();
    List<String> members = active ? clusterManager.getNodes().stream().sorted().toList() : List.of();
    return body.put("status", active ? "UP" : "DOWN")
        .put("clustered", true)
        .put("nodeId", clusterManager.getNodeId())
        .put("members", new JsonArray(members))
        .put("store", storeType);
  }

  /** Asks Hazelcast on a worker thread: membership calls may block while the cluster changes. */
  @Override
  public void handle(RoutingContext ctx) {
    ctx.vertx().executeBlocking(this::health, false).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
      } else {
        respond(ctx, result.result());
      }
    });
  }

  private static void respond(RoutingContext ctx, JsonObject body) {
    ctx.response()
        .setStatusCode("UP".equals(body.getString("status")) ? 200 : 503)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(body.toBuffer());
  }
}
