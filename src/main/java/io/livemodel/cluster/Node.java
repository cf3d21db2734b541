package io.livemodel.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;

/**
 * The Vert.x instance a node runs on, and its cluster manager when it is clustered (null otherwise).
 */
public record Node(Vertx vertx, ClusterManager clusterManager) {

  /** An unclustered node. */
  public static Node standalone(Vertx vertx) {
    return new Node(vertx, null);
  }

  public boolean clustered() {
    return clusterManager != null;
  }
}
