package io.livemodel.ops;

import io.livemodel.config.OpsConfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("/metrics in the Prometheus text format")
class MetricsTest {

  private static final Map<String, String> SSE_MY_MODEL = Map.of("model", "MyModel", "transport", "sse");

  private TestServer server;
  private Api api;
  private final List<SseClient> streams = new ArrayList<>();

  @BeforeEach
  void start() {
    Vertx vertx = Metrics.vertx(new VertxOptions(), OpsConfig.defaults());
    server = TestServer.builder().vertx(vertx).build();
    api = new Api(server);
  }

  @AfterEach
  void stop() {
    streams.forEach(SseClient::close);
    api.close();
    server.close();
  }

  private List<PrometheusText.Sample> scrape() {
    Api.Response response = api.get("/metrics");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    return PrometheusText.parse(response.body());
  }

  private double openStreams() {
    Double value = PrometheusText.value(scrape(), "livemodel_streams_open", SSE_MY_MODEL);
    return value == null ? 0 : value;
  }

  @Test
  @DisplayName("with 3 SSE streams on MyModels and 5 writes: 3 open streams, >= 5 changes and deliveries, JVM, HTTP and store metrics")
  void streamsAndChanges() {
    for (int i = 0; i < 3; i++) {
      SseClient sse = SseClient.open(server.vertx, server.base() + "/api/MyModels/change-stream");
      sse.awaitRaw(":ok\n\n");
      streams.add(sse);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(api.post("/api/MyModels", new JsonObject().put("n", i)).status()).isEqualTo(200);
    }
    streams.forEach(s -> s.next(5));

    List<PrometheusText.Sample> samples = scrape();
    assertThat(PrometheusText.value(samples, "livemodel_streams_open", SSE_MY_MODEL)).isEqualTo(3.0);
    assertThat(PrometheusText.value(samples, "livemodel_changes_published_total", Map.of("model", "MyModel")))
        .isGreaterThanOrEqualTo(5.0);
    assertThat(PrometheusText.value(samples, "livemodel_stream_deliveries_total", SSE_MY_MODEL))
        .isGreaterThanOrEqualTo(15.0);
    // One sample per heap pool (eden, survivor, old): any one may be empty, their sum is not.
    assertThat(samples.stream().filter(x -> x.name().equals("jvm_memory_used_bytes")
        && "heap".equals(x.labels().get("area"))).mapToDouble(PrometheusText.Sample::value).sum()).isPositive();
    assertThat(PrometheusText.value(samples, "process_cpu_usage", Map.of())).isNotNull();
    assertThat(PrometheusText.value(samples, "vertx_http_server_requests_total", Map.of("method", "POST", "code", "200")))
        .isGreaterThanOrEqualTo(5.0);
    assertThat(PrometheusText.value(samples, "livemodel_store_operation_seconds_count",
        Map.of("operation", "write", "store", "memory", "outcome", "success"))).isGreaterThanOrEqualTo(5.0);
    assertThat(PrometheusText.value(samples, "livemodel_cluster_members", Map.of())).isEqualTo(1.0);
    assertThat(samples).filteredOn(s -> s.name().startsWith("vertx_http_server"))
        .isNotEmpty()
        .allMatch(s -> !s.labels().containsKey("path") && !s.labels().containsKey("remote"), "no path or client label");
  }

  @Test
  @DisplayName("the open-streams gauge moves as streams open and close")
  void gaugeMoves() {
    assertThat(openStreams()).isEqualTo(0.0);
    for (int i = 0; i < 3; i++) {
      SseClient sse = SseClient.open(server.vertx, server.base() + "/api/MyModels/change-stream");
      sse.awaitRaw(":ok\n\n");
      streams.add(sse);
    }
    assertThat(openStreams()).isEqualTo(3.0);
    streams.remove(0).close();
    streams.remove(0).close();
    // The server learns of the close asynchronously: wait (bounded) for it.
    long deadline = System.currentTimeMillis() + 10_000;
    while (openStreams() != 1.0 && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    assertThat(openStreams()).isEqualTo(1.0);
    assertThat(server.server.subscriberCount()).isEqualTo(1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
