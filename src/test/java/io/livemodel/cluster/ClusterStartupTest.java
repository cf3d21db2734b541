package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.config.ClusterConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Clustered start-up: shared store required, health without a cluster")
class ClusterStartupTest {

  @Test
  @DisplayName("a clustered node on the memory store refuses to start, saying to use PostgreSQL")
  void clusteredVertxWithMemoryStore() {
    // A cluster of one: no members to join, a Hazelcast port the system chooses.
    ClusterConfig cluster = new ClusterConfig(true, List.of(), "127.0.0.1", 0, "127.0.0.1");
    Node node = Clustering.vertx(cluster.named("livemodel-test-" + UUID.randomUUID(), null)).await();
    Vertx vertx = node.vertx();
    try {
      assertThat(vertx.isClustered()).isTrue();
      assertThatThrownBy(() -> TestServer.builder().node(node).cluster(cluster).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("clustering needs a shared store: set LIVEMODEL_STORE=postgres");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("clustering configured with the memory store is refused before any cluster is joined")
  void configuredClusterWithMemoryStore() {
    ClusterConfig enabled = new ClusterConfig(true, List.of("127.0.0.1"), "127.0.0.1", 5701, "127.0.0.1");
    assertThatThrownBy(() -> Clustering.requireSharedStore(TestServer.builder().cluster(enabled).config()))
        .hasMessage(Clustering.SHARED_STORE_REQUIRED);
    assertThatThrownBy(() -> TestServer.builder().cluster(enabled).build())
        .hasMessage(Clustering.SHARED_STORE_REQUIRED);
  }

  @Test
  @DisplayName("a single node without clustering answers GET /health with clustered: false")
  void healthWithoutCluster() {
    try (TestServer server = TestServer.start(); Api api = new Api(server)) {
      Api.Response response = api.get("/health");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      assertThat(response.json())
          .isEqualTo(new JsonObject().put("status", "UP").put("clustered", false).put("store", "memory"));
    }
  }
}
