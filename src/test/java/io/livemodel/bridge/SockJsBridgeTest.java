package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("SockJS event-bus bridge, spoken over the raw WebSocket transport")
class SockJsBridgeTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(TestServer.builder()
      .bridge(new BridgeConfig("/eventbus", 0, "127.0.0.1", false, 3, 40, 2048)));

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
  }

  @Test
  @DisplayName("a client registered on changes.MyModel receives the create, update and remove changes SSE clients get")
  void receivesChanges() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server);
         SseClient sse = live.sse("/api/MyModels/change-stream")) {
      sse.awaitRaw(":ok\n\n");
      bridge.registerAndSync("changes.MyModel");

      JsonObject created = api.post("/api/MyModels", new JsonObject().put("foo", "bar")).json();
      Object id = created.getValue("id");
      api.patch("/api/MyModels/" + id, new JsonObject().put("foo", "baz"));
      api.delete("/api/MyModels/" + id);

      JsonObject create = bridge.next();
      assertThat(create).isEqualTo(new JsonObject()
          .put("type", "rec").put("address", "changes.MyModel")
          .put("body", new JsonObject().put("target", id).put("data", created).put("type", "create"))
          .put("headers", new JsonObject().put("seq", "1")));
      JsonObject update = bridge.next();
      assertThat(update.getJsonObject("body")).isEqualTo(new JsonObject()
          .put("target", id).put("data", new JsonObject().put("foo", "baz").put("id", id)).put("type", "update"));
      JsonObject remove = bridge.next();
      assertThat(remove.getJsonObject("body")).isEqualTo(new JsonObject()
          .put("target", id).put("where", new JsonObject().put("id", id)).put("type", "remove"));
      assertThat(remove.getJsonObject("headers").getString("seq")).isEqualTo("3");

      assertThat(sse.next(3).stream().map(e -> e.json()).toList()).containsExactly(
          create.getJsonObject("body"), update.getJsonObject("body"), remove.getJsonObject("body"));
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("a client receives only the models it registered; reads and failed writes send nothing")
  void onlyRegisteredModels() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.registerAndSync("changes.Note");
      api.post("/api/MyModels", new JsonObject().put("foo", "bar"));
      api.post("/api/Notes", new JsonObject());
      api.get("/api/Notes");
      JsonObject note = api.post("/api/Notes", new JsonObject().put("title", "t")).json();

      JsonObject frame = bridge.next();
      assertThat(frame.getString("address")).isEqualTo("changes.Note");
      assertThat(frame.getJsonObject("body").getJsonObject("data")).isEqualTo(note);
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("registering an unknown model's address is refused with access_denied, naming the address")
  void unknownModelRefused() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.register("changes.Nope");
      JsonObject err = bridge.next();
      assertThat(err.getString("type")).isEqualTo("err");
      assertThat(err.getString("body")).isEqualTo("access_denied");
      assertThat(err.getString("address")).isEqualTo("changes.Nope");
      assertThat(err.getString("message")).contains("there is no model Nope");
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("registering a non-change address (the node-local CRUD address) is refused with access_denied")
  void internalAddressRefused() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.register("livemodel.crud");
      JsonObject err = bridge.next();
      assertThat(err.getString("body")).isEqualTo("access_denied");
      assertThat(err.getString("message")).contains("only change addresses");
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("inbound send and publish are refused with access_denied and reach no consumer")
  void inboundRefused() {
    var seen = new java.util.concurrent.atomic.AtomicInteger();
    server.vertx.eventBus().consumer("changes.MyModel", m -> seen.incrementAndGet()).completion().await();
    server.vertx.eventBus().consumer("livemodel.crud", m -> seen.incrementAndGet()).completion().await();
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.publish("changes.MyModel", new JsonObject().put("type", "create"));
      assertThat(bridge.next().getString("body")).isEqualTo("access_denied");
      bridge.send(new JsonObject().put("type", "send").put("address", "livemodel.crud")
          .put("body", new JsonObject()).put("replyAddress", "r1"));
      JsonObject err = bridge.next();
      assertThat(err.getString("body")).isEqualTo("access_denied");
      assertThat(err.getString("message")).contains("accepts no inbound messages");
      bridge.assertNothingWithin(200);
    }
    assertThat(seen.get()).isZero();
  }

  @Test
  @DisplayName("a socket may register at most maxHandlersPerSocket addresses, and each address once")
  void handlerLimit() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.registerAndSync("changes.MyModel");
      bridge.registerAndSync("changes.Note");
      bridge.register("changes.Note");
      assertThat(bridge.next().getString("body")).isEqualTo("address_already_registered");
      bridge.send(new JsonObject().put("type", "unregister").put("address", "changes.Note"));
      bridge.registerAndSync("changes.Note");
      api.post("/api/Notes", new JsonObject().put("title", "once"));
      assertThat(bridge.next().getJsonObject("body").getJsonObject("data").getString("title")).isEqualTo("once");
      bridge.assertNothingWithin(200);
    }
    BridgeConfig one = new BridgeConfig("/eventbus", 0, "127.0.0.1", false, 1, 40, 2048);
    try (TestServer small = TestServer.builder().bridge(one).build();
         WsBridgeClient bridge = WsBridgeClient.connect(small)) {
      bridge.registerAndSync("changes.MyModel");
      bridge.register("changes.Note");
      assertThat(bridge.next().getString("body")).isEqualTo("max_handlers_reached");
    }
  }

  @Test
  @DisplayName("an address longer than maxAddressLength and a frame larger than maxMessageBytes are refused")
  void sizeLimits() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.register("changes." + "X".repeat(40));
      assertThat(bridge.next().getString("body")).isEqualTo("max_address_length_reached");
      bridge.register("changes.MyModel" + " ".repeat(2100));
      assertThat(bridge.next().getString("body")).isEqualTo("max_message_size_exceeded");
      bridge.send(new JsonObject().put("type", "register").put("address", "changes.MyModel")
          .put("headers", new JsonObject().put("pad", "p".repeat(2100))));
      assertThat(bridge.next().getString("body")).isEqualTo("max_message_size_exceeded");
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("a WebSocket frame above the transport limit closes the connection before anything is buffered")
  void transportLimit() throws InterruptedException {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.sendText(new JsonObject().put("type", "register").put("address", "changes.MyModel")
          .put("pad", "p".repeat(BridgeRoutes.transportLimit(server.config.bridge()) + 10)).encode());
      long deadline = System.currentTimeMillis() + 5000;
      while (!bridge.closed() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(bridge.closed()).isTrue();
    }
  }

  @Test
  @DisplayName("the bridge path is configurable and the default path then serves no bridge")
  void configurablePath() {
    BridgeConfig moved = new BridgeConfig("/bus", 0, "127.0.0.1", false, 10, 200, 65536);
    try (TestServer other = TestServer.builder().bridge(moved).build();
         WsBridgeClient bridge = WsBridgeClient.connect(other, "/bus/websocket");
         Api otherApi = new Api(other)) {
      bridge.registerAndSync("changes.MyModel");
      otherApi.post("/api/MyModels", new JsonObject().put("a", 1));
      assertThat(bridge.next().getJsonObject("body").getString("type")).isEqualTo("create");
      assertThat(otherApi.get("/eventbus/info").status()).isEqualTo(404);
      assertThat(otherApi.get("/bus/info").json().getBoolean("websocket")).isTrue();
    }
  }
}
