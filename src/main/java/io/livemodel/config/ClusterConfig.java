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
 */
public record ClusterConfig(boolean enabled, List<String> members, String interfaceAddress, int port,
                            String eventBusHost) {

  public static ClusterConfig disabled() {
    return new ClusterConfig(false, List.of("127.0.0.1"), "127.0.0.1", 5701, "127.0.0.1");
  }
}
