package io.livemodel.ops;

import io.livemodel.cluster.Node;
import io.livemodel.config.OpsConfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.LiveModelServer;
import io.livemodel.config.ServerConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("/metrics behind a token, on a management port, and the resume counters")
class MetricsAccessTest {

  private Vertx vertx;
  private LiveModelServer server;
  private Api api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (server != null) {
      server.stop().await();
    }
    vertx.close().await();
  }

  private String start(OpsConfig ops) {
    vertx = Metrics.vertx(new VertxOptions(), ops);
    ServerConfig c = TestServer.builder().config();
    ServerConfig config = new ServerConfig(c.host(), c.port(), c.restApiRoot(), c.modelDirs(), c.store(),
        c.httpInstances(), c.bodyLimit(), c.idleTimeoutSeconds(), c.maxHeaderSize(), c.stream(), c.bridge(),
        c.cluster(), ops);
    server = LiveModelServer.start(Node.standalone(vertx), config).await();
    api = new Api(vertx, "http://127.0.0.1:" + server.port());
    return "http://127.0.0.1:" + server.port();
  }

  @Test
  @DisplayName("with a token, /metrics answers 401 without it and the metrics with it (header or query)")
  void token() {
    start(new OpsConfig(true, 0, "127.0.0.1", "s3cret", OpsConfig.TEXT, false));
    Api.Response denied = api.get("/metrics");
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.error().getString("code")).isEqualTo("AUTHORIZATION_REQUIRED");
    assertThat(api.get("/metrics", "Authorization", "Bearer wrong").status()).isEqualTo(401);
    assertThat(api.get("/metrics", "Authorization", "Bearer s3cret").body()).contains("livemodel_cluster_members");
    assertThat(api.get("/metrics?token=s3cret").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("on a management port, /metrics is served there and not on the API port")
  void managementPort() {
    int port = TestServer.freePort();
    start(new OpsConfig(true, port, "127.0.0.1", null, OpsConfig.TEXT, false));
    assertThat(api.get("/metrics").status()).isEqualTo(404);
    try (Api management = new Api(vertx, "http://127.0.0.1:" + port)) {
      Api.Response response = management.get("/metrics");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  @DisplayName("a client resuming from Last-Event-ID counts a resume and its replayed changes")
  void resumes() {
    String base = start(OpsConfig.defaults());
    for (int i = 0; i < 3; i++) {
      assertThat(api.post("/api/MyModels", new JsonObject().put("n", i)).status()).isEqualTo(200);
    }
    try (SseClient sse = SseClient.open(vertx, base + "/api/MyModels/change-stream", "Last-Event-ID", "1")) {
      assertThat(sse.next(2)).hasSize(2);
    }
    List<PrometheusText.Sample> samples = PrometheusText.parse(api.get("/metrics").body());
    Map<String, String> myModel = Map.of("model", "MyModel");
    assertThat(PrometheusText.value(samples, "livemodel_stream_resumes_total", myModel)).isEqualTo(1.0);
    assertThat(PrometheusText.value(samples, "livemodel_stream_replayed_changes_total", myModel)).isEqualTo(2.0);
  }
}
