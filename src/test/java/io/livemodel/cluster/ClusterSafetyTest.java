package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.config.ClusterConfig;
import io.livemodel.store.pg.TestPostgres;
import io.livemodel.stream.Addresses;
import io.livemodel.stream.ChangeBus;
import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #14 finding 4: one node must not be able to silence or split a cluster. */
@DisplayName("Cluster safety: one store, one secret, no forged sequence stops a node")
class ClusterSafetyTest {

  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  @DisplayName("a node on another store is refused at join, naming the problem; the cluster keeps serving")
  void anotherStoreRefused() {
    for (int i = 0; i < 3; i++) {
      cluster.startNode();
    }
    cluster.awaitMembers(3);
    String other = TestPostgres.freshSchema();
    try {
      assertThatThrownBy(() -> cluster.startNode(cluster.config, other))
          .hasMessageContaining("refusing to join the cluster")
          .hasMessageContaining("same PostgreSQL database and schema");
      cluster.awaitMembers(3);
      TestServer a = cluster.live().get(0);
      TestServer b = cluster.live().get(1);
      SseClient sse = cluster.stream(b);
      Object id = TestCluster.create(cluster.api(a), "after the refusal");
      assertThat(sse.next().json().getValue("target")).isEqualTo(id);
    } finally {
      TestPostgres.dropSchema(cluster.clients, other);
    }
  }

  @Test
  @DisplayName("a node with a wrong secret is not let in: it sees only itself, the others keep their members")
  void wrongSecretRefused() {
    ClusterConfig withSecret = cluster.config.named(cluster.name, "the-right-secret-0123456789");
    cluster.startNode(withSecret, cluster.schema);
    cluster.startNode(withSecret, cluster.schema);
    cluster.awaitMembers(2);
    List<TestServer> insiders = cluster.live();
    TestServer intruder = cluster.startNode(cluster.config.named(cluster.name, "a-wrong-secret-9876543210"),
        cluster.schema);
    assertThat(cluster.health(intruder).getJsonArray("members")).hasSize(1);
    for (TestServer insider : insiders) {
      assertThat(cluster.health(insider).getJsonArray("members")).hasSize(2);
    }
    TestServer noSecret = cluster.startNode(cluster.config, cluster.schema);
    assertThat(cluster.health(noSecret).getJsonArray("members")).as("a node without a secret is not let in either")
        .hasSize(1);
  }

  @Test
  @DisplayName("a forged sequence published by one node does not stop the others: their clients get every later change")
  void forgedSequence() {
    for (int i = 0; i < 3; i++) {
      cluster.startNode();
    }
    cluster.awaitMembers(3);
    List<TestServer> nodes = cluster.live();
    List<SseClient> streams = nodes.stream().map(cluster::stream).toList();
    Object first = TestCluster.create(cluster.api(nodes.get(0)), "before");
    for (SseClient sse : streams) {
      assertThat(sse.next().json().getValue("target")).isEqualTo(first);
    }
    JsonObject forged = new JsonObject().put("target", 999).put("data", new JsonObject().put("id", 999)).put("type", "create");
    nodes.get(2).vertx.eventBus().publish(Addresses.changes("MyModel"), forged,
        new DeliveryOptions().addHeader(ChangeBus.SEQ_HEADER, "1000001"));
    List<Object> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(TestCluster.create(cluster.api(nodes.get(i)), "after " + i));
    }
    for (SseClient sse : streams) {
      List<Object> targets = sse.next(3).stream().map(e -> e.json().getValue("target")).toList();
      assertThat(targets).containsExactlyElementsOf(created);
    }
  }

}
