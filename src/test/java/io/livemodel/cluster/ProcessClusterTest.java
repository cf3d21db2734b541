package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.pg.TestPostgres;
import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Three LiveModel nodes as real processes ({@code io.livemodel.Main}, configured through the
 * environment as an operator would), one PostgreSQL schema: a node is killed with SIGKILL, another
 * is stopped with SIGTERM, while writers run; their SSE clients reconnect to a surviving node with
 * {@code Last-Event-ID} and end with the full sequence.
 */
@DisplayName("Nothing lost when node processes die (kill -9) or stop (SIGTERM) under writes")
class ProcessClusterTest {

  private static final String STREAM = "/api/MyModels/change-stream";

  private final Vertx vertx = Vertx.vertx();
  private final String schema = TestPostgres.freshSchema();
  private final List<Process> processes = new ArrayList<>();
  private Path logs;

  @AfterEach
  void stop() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    TestPostgres.dropSchema(vertx, schema);
    vertx.close().await();
  }

  private Process startNode(int httpPort, int hazelcastPort, String members) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "@conf/jvm.options",
        "-Dhazelcast.logging.type=none", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "io.livemodel.Main"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve("node-" + httpPort + ".log").toFile());
    var env = builder.environment();
    env.put("PORT", Integer.toString(httpPort));
    env.put("HOST", "127.0.0.1");
    env.put("LIVEMODEL_STORE", "postgres");
    env.put("DATABASE_URL", TestPostgres.url());
    env.put("LIVEMODEL_PG_SCHEMA", schema);
    env.put("LIVEMODEL_HTTP_INSTANCES", "1");
    env.put("LIVEMODEL_CLUSTER", "true");
    env.put("LIVEMODEL_CLUSTER_MEMBERS", members);
    env.put("LIVEMODEL_CLUSTER_PORT", Integer.toString(hazelcastPort));
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private void awaitHealthy(int port, int members, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    try (Api api = new Api(vertx, "http://127.0.0.1:" + port)) {
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("node on port %d is running (see %s)", port, logs).isTrue();
        try {
          Api.Response health = api.get("/health");
          if (health.status() == 200 && health.json().getJsonArray("members").size() == members) {
            return;
          }
        } catch (Exception notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("node on port " + port + " did not see " + members + " members; logs in " + logs);
  }

  @Test
  @DisplayName("SIGKILL and SIGTERM under writes: the clients of both nodes resume elsewhere and miss nothing")
  void killAndTerminate() throws Exception {
    logs = Files.createTempDirectory("livemodel-nodes");
    int hz = ThreadLocalRandom.current().nextInt(21_000, 39_000);
    String members = "127.0.0.1:" + hz + ",127.0.0.1:" + (hz + 1) + ",127.0.0.1:" + (hz + 2);
    int[] ports = {TestServer.freePort(), TestServer.freePort(), TestServer.freePort()};
    Process[] nodes = new Process[3];
    for (int i = 0; i < 3; i++) {
      nodes[i] = startNode(ports[i], hz + i, members);
      awaitHealthy(ports[i], i + 1, nodes[i]);
    }
    for (int i = 0; i < 3; i++) {
      awaitHealthy(ports[i], 3, nodes[i]);
    }
    String survivor = "http://127.0.0.1:" + ports[0];
    SseClient onKilled = SseClient.open(vertx, "http://127.0.0.1:" + ports[1] + STREAM);
    SseClient onStopped = SseClient.open(vertx, "http://127.0.0.1:" + ports[2] + STREAM);
    onKilled.awaitRaw(":ok");
    onStopped.awaitRaw(":ok");

    int total = 120;
    AtomicInteger posted = new AtomicInteger();
    Thread writer = new Thread(() -> {
      try (Api api = new Api(vertx, survivor)) {
        for (int i = 1; i <= total; i++) {
          if (api.post("/api/MyModels", new JsonObject().put("n", i)).status() == 200) {
            posted.incrementAndGet();
          }
        }
      }
    });
    writer.start();

    List<Long> killedSaw = readUntil(onKilled, 20);
    nodes[1].destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    List<Long> stoppedSaw = readUntil(onStopped, 40);
    nodes[2].destroy();
    assertThat(nodes[2].waitFor(30, TimeUnit.SECONDS)).as("SIGTERM stops the node").isTrue();
    awaitEnded(onStopped);
    killedSaw.addAll(ids(onKilled.drain()));
    stoppedSaw.addAll(ids(onStopped.drain()));
    onKilled.close();
    onStopped.close();

    writer.join();
    assertThat(posted.get()).isEqualTo(total);
    for (List<Long> saw : List.of(killedSaw, stoppedSaw)) {
      long last = saw.get(saw.size() - 1);
      try (SseClient resumed = SseClient.open(vertx, survivor + STREAM, "Last-Event-ID", Long.toString(last))) {
        while (saw.size() < total) {
          SseEvent event = resumed.next(15, TimeUnit.SECONDS);
          assertThat(event).as("an event after %d", saw.size()).isNotNull();
          saw.add(Long.parseLong(event.id()));
        }
      }
      List<Long> expected = new ArrayList<>();
      for (long i = 1; i <= total; i++) {
        expected.add(i);
      }
      assertThat(saw).isEqualTo(expected);
    }
  }

  private static List<Long> readUntil(SseClient sse, int count) {
    List<Long> ids = new ArrayList<>();
    while (ids.size() < count) {
      ids.add(Long.parseLong(sse.next().id()));
    }
    return ids;
  }

  private static List<Long> ids(List<SseEvent> events) {
    return events.stream().map(e -> Long.parseLong(e.id())).toList();
  }

  private static void awaitEnded(SseClient sse) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (!sse.ended() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sse.ended()).as("the stream of the stopped node ended").isTrue();
  }
}
