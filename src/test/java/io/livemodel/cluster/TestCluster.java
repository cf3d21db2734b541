package io.livemodel.cluster;

import io.livemodel.config.ClusterConfig;
import io.livemodel.config.StoreConfig;
import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import io.livemodel.store.pg.TestPostgres;
import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Real clustered LiveModel nodes in this JVM: each its own clustered Vert.x (own Hazelcast member)
 * and its own PostgreSQL store on one shared, fresh schema. The cluster has a unique name, and every
 * member binds a port the system chooses (port 0, read back from Hazelcast): a new node is given the
 * ports of the nodes already running as its join members, so no port is chosen in advance and none
 * can be taken in between. It never joins another cluster running on the machine
 * ({@code scripts/cluster}, other test classes). Close it in {@code @AfterEach}.
 */
final class TestCluster implements AutoCloseable {

  final String name = "livemodel-test-" + UUID.randomUUID();
  final String schema = TestPostgres.freshSchema();
  /** The cluster's settings; each node gets the running nodes' ports as its members when it starts. */
  final ClusterConfig config = new ClusterConfig(true, List.of(), "127.0.0.1", 0, "127.0.0.1").named(name, null);
  /** A plain Vert.x for the test's HTTP clients. */
  final Vertx clients = Vertx.vertx();
  private final List<TestServer> nodes = new ArrayList<>();
  /** The test's clients (streams, APIs), closed before the nodes. */
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Joins a new node to the cluster and starts LiveModel on it; returns once it serves. */
  TestServer startNode() {
    return startNode(config, schema);
  }

  /** Joins a new node serving the models (or LoopBack app folder) at {@code models} instead of the shared test models. */
  TestServer startNode(Path models) {
    return startNode(config, schema, models);
  }

  /** Starts a node with other cluster settings or on another schema (of this database). */
  TestServer startNode(ClusterConfig clusterConfig, String storeSchema) {
    return startNode(clusterConfig, storeSchema, null);
  }

  private TestServer startNode(ClusterConfig clusterConfig, String storeSchema, Path models) {
    List<String> members = live().stream().map(node -> "127.0.0.1:" + hazelcastPort(node)).toList();
    ClusterConfig joining = new ClusterConfig(true, members, clusterConfig.interfaceAddress(), 0,
        clusterConfig.eventBusHost(), clusterConfig.name(), clusterConfig.secret());
    Node clustered = Clustering.vertx(joining).await();
    Vertx vertx = clustered.vertx();
    try {
      TestServer.Builder builder = models == null ? TestServer.builder() : TestServer.builder().models(models);
      TestServer node = builder
          .node(clustered)
          .cluster(joining)
          .store(new StoreConfig(StoreConfig.POSTGRES, null, TestPostgres.url(), 4, 5000))
          .store(new PgStore(PgStoreOptions.of(TestPostgres.url(), storeSchema)))
          .httpInstances(2)
          .build();
      synchronized (nodes) {
        nodes.add(node);
      }
      return node;
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** Kills a node abruptly: its Vert.x closes under running streams, without stopping LiveModel first. */
  Future<Void> kill(TestServer node) {
    synchronized (nodes) {
      nodes.remove(node);
    }
    return node.vertx.close();
  }

  /** Waits until every live node's {@code /health} lists exactly {@code count} members, the same ones. */
  void awaitMembers(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      List<JsonObject> health = live().stream().map(this::health).toList();
      boolean settled = health.stream().allMatch(h -> h.getJsonArray("members").size() == count)
          && health.stream().map(h -> h.getJsonArray("members")).distinct().count() == 1;
      if (settled) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("cluster did not settle on " + count + " members: " + health);
      }
      pause();
    }
  }

  JsonObject health(TestServer node) {
    try (Api api = new Api(clients, node.base())) {
      return api.get("/health").json();
    }
  }

  List<TestServer> live() {
    synchronized (nodes) {
      return List.copyOf(nodes);
    }
  }

  /** A change stream of MyModels on {@code node}, its {@code :ok} received; closed with the cluster. */
  SseClient stream(TestServer node) {
    SseClient sse = SseClient.open(clients, node.base() + "/api/MyModels/change-stream?_format=event-stream");
    opened.add(sse);
    sse.awaitRaw(":ok");
    return sse;
  }

  /** A REST client of {@code node}; closed with the cluster. */
  Api api(TestServer node) {
    Api api = new Api(clients, node.base());
    opened.add(api);
    return api;
  }

  /** POSTs one MyModel instance and returns its id. */
  static Object create(Api api, String label) {
    Api.Response response = api.post("/api/MyModels", new JsonObject().put("label", label));
    if (response.status() != 200) {
      throw new AssertionError("create " + label + ": " + response.status() + " " + response.body());
    }
    return response.json().getValue("id");
  }

  @Override
  public void close() {
    for (AutoCloseable client : opened) {
      try {
        client.close();
      } catch (Exception ignored) {
        // closing anyway
      }
    }
    List<Future<Void>> closed = new ArrayList<>();
    for (TestServer node : live()) {
      closed.add(node.server.stop().eventually(node.vertx::close));
    }
    try {
      Future.join(closed).await(30, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // best effort: the schema is dropped below anyway
    }
    nodes.clear();
    try {
      TestPostgres.dropSchema(clients, schema);
    } finally {
      clients.close().await();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  /** The port the node's Hazelcast member bound. */
  static int hazelcastPort(TestServer node) {
    return ((HazelcastClusterManager) node.server.clusterManager()).getHazelcastInstance().getCluster()
        .getLocalMember().getAddress().getPort();
  }
}
