package io.livemodel.config;

import java.util.List;

/**
 * Hazelcast clustering.
 *
 * @param enabled whether this node joins a cluster
 * @param members TCP-IP join members ({@code 127.0.0.1} probes ports 5701-5703; {@code host:port} names one)
 * @param interfaceAddress the interface Hazelcast binds to
 * @param port the first Hazelcast port (auto-incremented when taken)
 * @param eventBusHost the host the clustered event bus binds to and advertises
 * @param name the cluster's name: nodes join only a cluster of the same name
 * @param secret a secret every node of the cluster shares (from {@code LIVEMODEL_CLUSTER_SECRET}), or
 *     null: a node with another secret does not join
 */
public record ClusterConfig(boolean enabled, List<String> members, String interfaceAddress, int port,
                            String eventBusHost, String name, String secret) {

  public static final String DEFAULT_NAME = "livemodel";

  /** In the default cluster, without a secret. */
  public ClusterConfig(boolean enabled, List<String> members, String interfaceAddress, int port, String eventBusHost) {
    this(enabled, members, interfaceAddress, port, eventBusHost, DEFAULT_NAME, null);
  }

  public static ClusterConfig disabled() {
    return new ClusterConfig(false, List.of("127.0.0.1"), "127.0.0.1", 5701, "127.0.0.1");
  }

  /** The same settings in another cluster (tests isolate themselves with it). */
  public ClusterConfig named(String clusterName, String clusterSecret) {
    return new ClusterConfig(enabled, members, interfaceAddress, port, eventBusHost, clusterName, clusterSecret);
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "ClusterConfig[enabled=" + enabled + ", members=" + members + ", interface=" + interfaceAddress
        + ", port=" + port + ", eventBusHost=" + eventBusHost + ", name=" + name
        + ", secret=" + (secret == null ? "none" : "***") + "]";
  }
}
