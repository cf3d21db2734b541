package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A cluster of LiveModel nodes on one PostgreSQL: a change made on any node reaches clients on every node")
class ClusterTest {

  private TestCluster cluster;

  @BeforeEach
  void startThreeNodes() {
    cluster = new TestCluster();
    for (int i = 0; i < 3; i++) {
      cluster.startNode();
    }
    cluster.awaitMembers(3);
  }

  @AfterEach
  void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  @DisplayName("concurrent writes through all three nodes: every client receives every change once, all in one order")
  void everyChangeEverywhereOnceInOneOrder() throws Exception {
    List<TestServer> nodes = cluster.live();
    List<SseClient> streams = nodes.stream().map(cluster::stream).toList();
    List<Api> apis = nodes.stream().map(cluster::api).toList();
    Object first = TestCluster.create(apis.get(0), "baseline");
    for (SseClient sse : streams) {
      assertThat(sse.next().json().getValue("target")).isEqualTo(first);
    }

    int perWriter = 10;
    int writersPerNode = 2;
    ExecutorService writers = Executors.newFixedThreadPool(nodes.size() * writersPerNode);
    List<java.util.concurrent.Future<List<Object>>> written = new ArrayList<>();
    for (int w = 0; w < nodes.size() * writersPerNode; w++) {
      Api api = apis.get(w % nodes.size());
      String writer = "writer-" + w;
      written.add(writers.submit(() -> {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < perWriter; i++) {
          ids.add(TestCluster.create(api, writer + "-" + i));
        }
        return ids;
      }));
    }
    List<Object> created = new ArrayList<>();
    for (var ids : written) {
      created.addAll(ids.get(30, TimeUnit.SECONDS));
    }
    writers.shutdown();
    int total = created.size();

    List<List<SseEvent>> received = streams.stream().map(sse -> sse.next(total)).toList();
    Object sentinel = TestCluster.create(apis.get(2), "sentinel");
    for (int n = 0; n < streams.size(); n++) {
      List<Object> targets = received.get(n).stream().map(e -> e.json().getValue("target")).toList();
      assertThat(targets).as("node %d: each created instance exactly once", n)
          .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
      assertThat(received.get(n)).as("node %d: in sequence order", n)
          .isSortedAccordingTo(Comparator.comparingLong(e -> Long.parseLong(e.id())));
      assertThat(received.get(n)).as("node %d: same order as node 0", n).isEqualTo(received.get(0));
      assertThat(streams.get(n).next().json().getValue("target")).as("node %d: nothing extra before the sentinel", n)
          .isEqualTo(sentinel);
    }
  }

  @Test
  @DisplayName("a node killed mid-stream: the others keep delivering, its clients reconnect elsewhere, a new node"
      + " joins and delivers; GET /health follows the membership")
  void nodeLifecycle() throws Exception {
    List<TestServer> nodes = cluster.live();
    List<String> ids = nodeIds(nodes);
    TestServer doomed = nodes.get(2);
    String doomedId = ids.get(2);
    SseClient onA = cluster.stream(nodes.get(0));
    SseClient onB = cluster.stream(nodes.get(1));
    SseClient onDoomed = cluster.stream(doomed);
    List<Api> apis = List.of(cluster.api(nodes.get(0)), cluster.api(nodes.get(1)));
    Object first = TestCluster.create(apis.get(0), "baseline");
    for (SseClient sse : List.of(onA, onB, onDoomed)) {
      assertThat(sse.next().json().getValue("target")).isEqualTo(first);
    }

    List<Object> created = new ArrayList<>();
    Future<Void> killed = null;
    for (int i = 0; i < 20; i++) {
      created.add(TestCluster.create(apis.get(i % 2), "during-" + i));
      if (i == 5) {
        killed = cluster.kill(doomed);
      }
    }
    killed.await(30, TimeUnit.SECONDS);
    for (SseClient sse : List.of(onA, onB)) {
      List<Object> targets = sse.next(created.size()).stream().map(e -> e.json().getValue("target")).toList();
      assertThat(targets).containsExactlyElementsOf(created);
    }
    awaitEnded(onDoomed);
    cluster.awaitMembers(2);
    assertThat(cluster.health(nodes.get(0)).getJsonArray("members").getList()).doesNotContain(doomedId);

    SseClient reconnected = cluster.stream(nodes.get(1));
    TestServer joined = cluster.startNode();
    cluster.awaitMembers(3);
    assertThat(nodeIds(cluster.live())).doesNotContain(doomedId);
    SseClient onJoined = cluster.stream(joined);
    Api joinedApi = cluster.api(joined);
    Object viaJoined = TestCluster.create(joinedApi, "via the new node");
    Object viaA = TestCluster.create(apis.get(0), "via an old node");
    for (SseClient sse : List.of(onA, onB, reconnected, onJoined)) {
      assertThat(sse.next(2).stream().map(e -> e.json().getValue("target")).toList())
          .containsExactly(viaJoined, viaA);
    }
  }

  /** Each node's id from its /health, checking it is up, clustered and lists itself among the same members. */
  private List<String> nodeIds(List<TestServer> nodes) {
    List<String> ids = nodes.stream().map(node -> {
      JsonObject health = cluster.health(node);
      assertThat(health.getString("status")).isEqualTo("UP");
      assertThat(health.getBoolean("clustered")).isTrue();
      assertThat(health.getString("store")).isEqualTo("postgres");
      assertThat(health.getJsonArray("members").getList()).hasSize(nodes.size()).contains(health.getString("nodeId"));
      return health.getString("nodeId");
    }).toList();
    assertThat(ids).doesNotHaveDuplicates();
    return ids;
  }

  private static void awaitEnded(SseClient sse) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!sse.ended()) {
      assertThat(System.nanoTime()).as("the dead node's stream ends").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
