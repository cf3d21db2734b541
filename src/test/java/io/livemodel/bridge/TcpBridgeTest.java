package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("TCP event-bus bridge (4-byte length + JSON framing)")
class TcpBridgeTest {

  private int tcpPort;

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> {
    // The TCP bridge is off at port 0, so it needs a chosen port.
    tcpPort = TestServer.freePort();
    return TestServer.builder().bridge(new BridgeConfig("/eventbus", tcpPort, "127.0.0.1", false, 2, 40, 2048));
  });

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
  }

  private TcpBridgeClient connect() {
    return TcpBridgeClient.connect(server.vertx, "127.0.0.1", tcpPort);
  }

  @Test
  @DisplayName("a client registered on changes.MyModel receives the change objects with their sequence numbers")
  void receivesChanges() {
    try (TcpBridgeClient bridge = connect()) {
      bridge.registerAndSync("changes.MyModel");
      JsonObject created = api.post("/api/MyModels", new JsonObject().put("foo", "bar")).json();
      Object id = created.getValue("id");
      api.delete("/api/MyModels/" + id);

      JsonObject create = bridge.next();
      assertThat(create.getString("type")).isEqualTo("message");
      assertThat(create.getString("address")).isEqualTo("changes.MyModel");
      assertThat(create.getJsonObject("body"))
          .isEqualTo(new JsonObject().put("target", id).put("data", created).put("type", "create"));
      assertThat(create.getJsonObject("headers").getString("seq")).isEqualTo("1");
      assertThat(bridge.next().getJsonObject("body"))
          .isEqualTo(new JsonObject().put("target", id).put("where", new JsonObject().put("id", id)).put("type", "remove"));
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("unknown models, internal addresses and inbound messages are refused with access_denied")
  void refusals() {
    try (TcpBridgeClient bridge = connect()) {
      bridge.register("changes.Nope");
      JsonObject err = bridge.next();
      assertThat(err.getString("type")).isEqualTo("err");
      assertThat(err.getString("body")).isEqualTo("access_denied");
      assertThat(err.getString("message")).contains("there is no model Nope");
      bridge.register("livemodel.crud");
      assertThat(bridge.next().getString("body")).isEqualTo("access_denied");
      bridge.send(new JsonObject().put("type", "send").put("address", "livemodel.crud").put("body", new JsonObject()));
      assertThat(bridge.next().getString("body")).isEqualTo("access_denied");
      bridge.publish("changes.MyModel", new JsonObject());
      assertThat(bridge.next().getString("body")).isEqualTo("access_denied");
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("per-connection limits: handlers, one registration per address, address length, frame size")
  void limits() {
    try (TcpBridgeClient bridge = connect()) {
      bridge.registerAndSync("changes.MyModel");
      bridge.register("changes.MyModel");
      assertThat(bridge.next().getString("body")).isEqualTo("address_already_registered");
      bridge.registerAndSync("changes.Note");
      bridge.send(new JsonObject().put("type", "unregister").put("address", "changes.Note"));
      bridge.registerAndSync("changes.Note");
      bridge.register("changes." + "X".repeat(40));
      assertThat(bridge.next().getString("body")).isEqualTo("max_address_length_reached");
      bridge.send(new JsonObject().put("type", "register").put("address", "changes.Nope").put("pad", "p".repeat(2100)));
      assertThat(bridge.next().getString("body")).isEqualTo("max_message_size_exceeded");

      api.post("/api/MyModels", new JsonObject().put("n", 1));
      assertThat(bridge.next().getJsonObject("body").getJsonObject("data").getInteger("n")).isEqualTo(1);
      bridge.assertNothingWithin(200);
    }
    BridgeConfig one = new BridgeConfig("/eventbus", TestServer.freePort(), "127.0.0.1", false, 1, 40, 2048);
    try (TestServer small = TestServer.builder().bridge(one).build();
         TcpBridgeClient bridge = TcpBridgeClient.connect(small.vertx, "127.0.0.1", one.tcpPort())) {
      bridge.registerAndSync("changes.MyModel");
      bridge.register("changes.Note");
      assertThat(bridge.next().getString("body")).isEqualTo("max_handlers_reached");
    }
  }

  @Test
  @DisplayName("the TCP bridge is off by default, and stops listening when its server stops")
  void offByDefaultAndClosedWithServer() {
    assertThat(BridgeConfig.defaults().tcpPort()).isZero();
    int port = TestServer.freePort();
    BridgeConfig config = new BridgeConfig("/eventbus", port, "127.0.0.1", false, 2, 40, 2048);
    Vertx client = Vertx.vertx();
    try {
      NetClient net = client.createNetClient();
      TestServer other = TestServer.builder().bridge(config).build();
      assertThat(net.connect(port, "127.0.0.1").map(s -> "open").otherwise("refused").await()).isEqualTo("open");
      other.close();
      assertThat(net.connect(port, "127.0.0.1").map(s -> "open").otherwise("refused").await()).isEqualTo("refused");
    } finally {
      client.close().await();
    }
  }
}
