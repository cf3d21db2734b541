package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of the load generator against a real node: it must count what actually happened. No timing targets. */
@DisplayName("Load generator smoke runs")
class StreamBenchSmokeTest {

  private TestServer server;
  private Vertx generator;

  @BeforeEach
  void start() {
    server = TestServer.start();
    generator = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  }

  @AfterEach
  void stop() {
    generator.close().await();
    server.close();
  }

  @Test
  @DisplayName("5 subscribers and 20 writes: every delivery measured once, none lost, numbers sane")
  void streamSmoke() throws Exception {
    String self = Long.toString(ProcessHandle.current().pid());
    StreamOptions options = StreamOptions.of(List.of(server.base()), 5, 40, 0.5).withWarmup(0.25)
        .withServerPids(List.of(self));

    JsonObject result = new StreamBench(generator, options).run();

    assertThat(result.getJsonObject("writes").getLong("ok")).isEqualTo(20);
    assertThat(result.getJsonObject("writes").getLong("failed")).isZero();
    assertThat(result.getInteger("connectFailures")).isZero();
    assertThat(result.getLong("expectedDeliveries")).isEqualTo(100);
    assertThat(result.getLong("deliveries")).isEqualTo(100);
    assertThat(result.getLong("lost")).isZero();
    assertThat(result.getLong("duplicates")).isZero();
    assertThat(result.getLong("orderViolations")).isZero();
    assertThat(result.getLong("otherEvents")).isZero();
    JsonObject delivery = result.getJsonObject("deliveryMs");
    assertThat(delivery.getDouble("p50")).isPositive().isLessThanOrEqualTo(delivery.getDouble("p99"));
    assertThat(delivery.getDouble("p99")).isLessThanOrEqualTo(delivery.getDouble("max"));
    // Each of the 20 writes' slowest delivery (of its 5): the slowest of all is the delivery max.
    JsonObject lastDelivery = result.getJsonObject("slowestDeliveryPerWrite");
    assertThat(lastDelivery.getLong("count")).isEqualTo(20);
    assertThat(lastDelivery.getDouble("max")).isEqualTo(delivery.getDouble("max"));
    assertThat(lastDelivery.getJsonArray("worst")).hasSize(5);
    assertThat(lastDelivery.getJsonArray("worst").getJsonObject(0).getDouble("ms")).isEqualTo(delivery.getDouble("max"));
    assertThat(result.getJsonObject("postMs").getLong("count")).isEqualTo(20);
    assertThat(result.getDouble("achievedRate")).isBetween(1.0, 40.5);
    JsonObject cpu = result.getJsonObject("server");
    assertThat(cpu.getBoolean("readable")).isTrue();
    assertThat(cpu.getDouble("cpuMicrosPerDelivery")).isPositive();
    // The "server" is this JVM: its JIT compiler threads are part of its CPU, never more than all of it.
    assertThat(cpu.getDouble("jitCpuSeconds")).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(cpu.getDouble("cpuSeconds"));
    assertThat(cpu.getDouble("cpuMicrosPerDeliveryWithoutJit")).isLessThanOrEqualTo(cpu.getDouble("cpuMicrosPerDelivery"));
    assertThat(cpu.getDouble("rssEndMB")).isPositive();
    // Server and generator are both this JVM here: together at least the server's share.
    assertThat(result.getDouble("serverAndClientsCpuMicrosPerDelivery"))
        .isGreaterThanOrEqualTo(cpu.getDouble("cpuMicrosPerDelivery"));
    assertThat(result.getJsonObject("generator").getDouble("cpuMicrosPerDelivery")).isPositive();
    // The generator has closed its streams; the server notices each disconnect asynchronously.
    long deadline = System.currentTimeMillis() + 10_000;
    while (server.server.subscriberCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.server.subscriberCount()).isZero();
  }

  @Test
  @DisplayName("a window hook runs start before the measured writes and stop after them, and counts the deliveries between")
  void windowHook(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("log");
    Path script = dir.resolve("hook.sh");
    Files.writeString(script, "#!/bin/sh\necho \"$1\" >> " + log + "\n");
    script.toFile().setExecutable(true);
    StreamOptions options = StreamOptions.of(List.of(server.base()), 3, 40, 0.5).withWarmup(0.25);

    JsonObject result = new StreamBench(generator, options, new WindowHook(List.of(script.toString()), 0)).run();

    assertThat(Files.readAllLines(log)).containsExactly("start", "stop");
    assertThat(result.getJsonObject("window").getLong("deliveries")).isEqualTo(60)
        .isEqualTo(result.getLong("deliveries"));
    assertThat(result.getString("protocol")).isEqualTo("loopback");
  }

  @Test
  @DisplayName("a subscriber that cannot connect is counted as a failure, not as loss")
  void connectFailure() throws Exception {
    StreamOptions options = new StreamOptions(List.of("http://127.0.0.1:" + TestServer.freePort()), "MyModels",
        3, 10, 0.2, 0, 0.2, List.of(), 8, 8, "refused");

    JsonObject result = new StreamBench(generator, options).run();

    assertThat(result.getInteger("connectFailures")).isEqualTo(3);
    assertThat(result.getLong("lost")).isZero();
    assertThat(result.getJsonObject("writes").getLong("ok")).isZero();
    assertThat(result.getJsonObject("server").getBoolean("readable")).isFalse();
  }

  @Test
  @DisplayName("crud mode (no warm-up): seeds the Notes and counts only 200 answers in each phase")
  void crudSmoke() {
    JsonObject result = new CrudBench(generator, List.of(server.base()), 4, 0, 0.3, 200, List.of(), "crud")
        .run(CrudBench.PHASES);

    assertThat(result.getInteger("records")).isEqualTo(200);
    for (String phase : CrudBench.PHASES) {
      JsonObject p = result.getJsonObject(phase);
      assertThat(p.getLong("requests")).as(phase).isPositive();
      assertThat(p.getLong("errors")).as(phase).isZero();
      assertThat(p.getJsonObject("latencyMs").getLong("count")).as(phase).isEqualTo(p.getLong("requests"));
    }
    assertThat(new io.livemodel.testing.Api(server).get("/api/MyModels/count").json().getLong("count"))
        .isEqualTo(result.getJsonObject("create").getLong("requests"));
  }
}
