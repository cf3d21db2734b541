package io.livemodel.cluster;

import io.livemodel.config.ClusterConfig;
import io.livemodel.config.ServerConfig;
import io.livemodel.config.StoreConfig;
import io.livemodel.ops.Metrics;
import io.livemodel.config.OpsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Starts clustered Vert.x instances: Hazelcast for membership and subscriptions, the clustered event
 * bus for changes. Every node publishes the changes of its writes on {@code changes.<Model>}; Vert.x
 * sends a published message once to each node that has a consumer, and that node's HTTP verticles
 * fan it out to their own clients. Write requests stay on their node (local consumers), which is why
 * the store must be shared: see {@link #requireSharedStore(ServerConfig)}.
 */
public final class Clustering {

  /** The start-up failure of a clustered node on the embedded (per-node) store. */
  public static final String SHARED_STORE_REQUIRED = "clustering needs a shared store: set LIVEMODEL_STORE=postgres";

  private Clustering() {
  }

  /**
   * A clustered Vert.x joined to the cluster {@link ClusterConfig#name()} (with its secret); completes
   * once this node is a member and its event bus listens.
   */
  public static Future<Node> vertx(ClusterConfig cluster) {
    return vertx(cluster, new VertxOptions());
  }

  /**
   * A clustered Vert.x with {@code options} (metrics, say) plus the event-bus settings of {@code cluster};
   * completes once this node is a member and its event bus listens.
   */
  public static Future<Node> vertx(ClusterConfig cluster, VertxOptions options) {
    return vertx(cluster, options, Transport.nativeTransport() != null ? Transport.nativeTransport() : Transport.NIO);
  }

  /** {@link #vertx(ClusterConfig, VertxOptions)} on a given Netty transport. */
  public static Future<Node> vertx(ClusterConfig cluster, VertxOptions options, Transport transport) {
    HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.of(cluster));
    return Vertx.builder()
        .with(withEventBus(options, cluster))
        .withTransport(transport)
        .withClusterManager(manager)
        .buildClustered()
        .map(vertx -> new Node(vertx, manager));
  }

  /**
   * Vert.x options of a clustered node: the event bus binds to and advertises
   * {@link ClusterConfig#eventBusHost()} on a port chosen by the system. Like an unclustered node,
   * it prefers Netty's native transport (epoll), where the platform has it.
   */
  private static VertxOptions withEventBus(VertxOptions options, ClusterConfig cluster) {
    EventBusOptions bus = new EventBusOptions()
        .setHost(cluster.eventBusHost())
        .setPort(0)
        .setClusterPublicHost(cluster.eventBusHost());
    return new VertxOptions(options).setPreferNativeTransport(true).setEventBusOptions(bus);
  }

  /**
   * Refuses clustering on the embedded store: each node would keep its own data and its own change
   * sequence, so nodes would silently diverge.
   *
   * @param clustered whether the node runs on a clustered Vert.x (or is configured to)
   * @throws IllegalArgumentException with {@link #SHARED_STORE_REQUIRED}
   */
  public static void requireSharedStore(ServerConfig config, boolean clustered) {
    if ((clustered || config.cluster().enabled()) && StoreConfig.MEMORY.equals(config.store().type())) {
      throw new IllegalArgumentException(SHARED_STORE_REQUIRED);
    }
  }

  /** {@link #requireSharedStore(ServerConfig, boolean)} for a node configured, not yet started. */
  public static void requireSharedStore(ServerConfig config) {
    requireSharedStore(config, false);
  }
}
