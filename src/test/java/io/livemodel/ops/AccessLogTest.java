package io.livemodel.ops;

import io.livemodel.cluster.Node;
import io.livemodel.config.OpsConfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.LiveModelServer;
import io.livemodel.config.ServerConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The access log")
class AccessLogTest {

  private static List<String> requestsLogged(boolean accessLog) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    AccessLog.LOG.addHandler(capture);
    AccessLog.LOG.setUseParentHandlers(false);
    Vertx vertx = Vertx.vertx();
    ServerConfig c = TestServer.builder().config();
    OpsConfig ops = new OpsConfig(true, 0, "127.0.0.1", null, OpsConfig.TEXT, accessLog);
    LiveModelServer server = LiveModelServer.start(Node.standalone(vertx), new ServerConfig(c.host(), c.port(), c.restApiRoot(),
        c.modelDirs(), c.store(), c.httpInstances(), c.bodyLimit(), c.idleTimeoutSeconds(), c.maxHeaderSize(),
        c.stream(), c.bridge(), c.cluster(), ops)).await();
    try (Api api = new Api(vertx, "http://127.0.0.1:" + server.port())) {
      assertThat(api.get("/api/MyModels?access_token=secret").status()).isEqualTo(200);
      assertThat(api.get("/api/Nope").status()).isEqualTo(404);
    } finally {
      server.stop().await();
      vertx.close().await();
      AccessLog.LOG.removeHandler(capture);
      AccessLog.LOG.setUseParentHandlers(true);
    }
    return lines;
  }

  @Test
  @DisplayName("when on, one line per request: client, method, path without the query, status, bytes, time")
  void on() {
    List<String> lines = requestsLogged(true);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 GET /api/MyModels 200 2 B \\d+ ms");
    assertThat(lines.get(1)).startsWith("127.0.0.1 GET /api/Nope 404 ");
    assertThat(String.join("\n", lines)).doesNotContain("secret");
  }

  @Test
  @DisplayName("off by default: nothing is logged")
  void off() {
    assertThat(requestsLogged(false)).isEmpty();
  }
}
