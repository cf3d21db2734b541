package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.ops.Metrics;
import io.livemodel.config.OpsConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bridge registrations in the stream metrics (transports sockjs and tcp)")
class BridgeMetricsTest {

  private TestServer server;
  private Api api;
  private int tcpPort;

  @BeforeEach
  void start() {
    tcpPort = TestServer.freePort();
    server = TestServer.builder().vertx(Metrics.vertx(new VertxOptions(), OpsConfig.defaults()))
        .bridge(new BridgeConfig("/eventbus", tcpPort, "127.0.0.1", false, 10, 100, 4096))
        .build();
    api = new Api(server);
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
  }

  /** The value of one sample of /metrics, 0 when absent. */
  private double sample(String name, String transport) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{model=\"MyModel\",transport=\"" + transport + "\"} (\\S+)$")
        .matcher(api.get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** Waits (bounded) until {@code value} gives {@code expected}: the server sees a close asynchronously. */
  private static double eventually(Supplier<Double> value, double expected) {
    long deadline = System.currentTimeMillis() + 10_000;
    double last = value.get();
    while (last != expected && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      last = value.get();
    }
    return last;
  }

  @Test
  @DisplayName("a TCP and a SockJS client registered on changes.MyModel count as open streams until they go; SockJS deliveries count")
  void registrations() {
    try (TcpBridgeClient tcp = TcpBridgeClient.connect(server.vertx, "127.0.0.1", tcpPort);
         WsBridgeClient ws = WsBridgeClient.connect(server)) {
      tcp.registerAndSync("changes.MyModel");
      ws.registerAndSync("changes.MyModel");
      assertThat(sample("livemodel_streams_open", "tcp")).isEqualTo(1.0);
      assertThat(sample("livemodel_streams_open", "sockjs")).isEqualTo(1.0);

      assertThat(api.post("/api/MyModels", new JsonObject().put("foo", "bar")).status()).isEqualTo(200);
      assertThat(tcp.next().getString("address")).isEqualTo("changes.MyModel");
      assertThat(ws.next().getString("address")).isEqualTo("changes.MyModel");
      // The TCP bridge raises no event per message sent: its deliveries are not counted.
      assertThat(eventually(() -> sample("livemodel_stream_deliveries_total", "sockjs"), 1.0)).isEqualTo(1.0);
    }
    assertThat(eventually(() -> sample("livemodel_streams_open", "tcp"), 0.0)).isEqualTo(0.0);
    assertThat(eventually(() -> sample("livemodel_streams_open", "sockjs"), 0.0)).isEqualTo(0.0);
  }
}
