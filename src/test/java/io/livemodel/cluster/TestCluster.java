package io.livemodel.cluster;

import io.livemodel.config.ClusterConfig;
import io.livemodel.config.StoreConfig;
import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import io.livemodel.store.pg.TestPostgres;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Real clustered LiveModel nodes in this JVM: each its own clustered Vert.x (own Hazelcast member)
 * and its own PostgreSQL store on one shared, fresh schema. The cluster has a unique name and its own
 * ports, so it never joins another cluster running on the machine ({@code scripts/cluster}, other
 * test classes). Close it in {@code @AfterEach}.
 */
final class TestCluster implements AutoCloseable {

  /** Hazelcast ports listed as members: room for the nodes a test starts over its lifetime. */
  private static final int MEMBER_PORTS = 6;

  final String name = "livemodel-test-" + UUID.randomUUID();
  final String schema = TestPostgres.freshSchema();
  final ClusterConfig config;
  /** A plain Vert.x for the test's HTTP clients. */
  final Vertx clients = Vertx.vertx();
  private final List<TestServer> nodes = new ArrayList<>();

  TestCluster() {
    int base = freePortRange(MEMBER_PORTS);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < MEMBER_PORTS; i++) {
      members.add("127.0.0.1:" + (base + i));
    }
    config = new ClusterConfig(true, members, "127.0.0.1", base, "127.0.0.1").named(name, null);
  }

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
    Node clustered = Clustering.vertx(clusterConfig).await();
    Vertx vertx = clustered.vertx();
    try {
      TestServer.Builder builder = models == null ? TestServer.builder() : TestServer.builder().models(models);
      TestServer node = builder
          .node(clustered)
          .cluster(clusterConfig)
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

  @Override
  public void close() {
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

  /** The first of {@code count} consecutive ports free on 127.0.0.1. */
  private static int freePortRange(int count) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      if (allFree(base, count)) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports found");
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
