package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Request-reply CRUD over the bridge (bridge.inboundCrud)")
class BridgeCrudTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(TestServer.builder()
      .bridge(new BridgeConfig("/eventbus", 0, "127.0.0.1", true, 10, 200, 65536)));

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
  }

  private static JsonObject request(String address, String replyAddress, JsonObject body) {
    return new JsonObject().put("type", "send").put("address", address).put("replyAddress", replyAddress).put("body", body);
  }

  @Test
  @DisplayName("a create sent to crud.MyModel answers the saved instance, which REST then finds, and emits the change")
  void createOverBridge() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.registerAndSync("changes.MyModel");
      bridge.send(request("crud.MyModel", "r-1", new JsonObject().put("op", "create").put("data", new JsonObject().put("foo", "bar"))));

      JsonObject first = bridge.next();
      JsonObject second = bridge.next();
      JsonObject reply = "r-1".equals(first.getString("address")) ? first : second;
      JsonObject change = reply == first ? second : first;
      assertThat(reply.getString("type")).isEqualTo("rec");
      JsonObject saved = reply.getJsonObject("body");
      assertThat(saved.getString("foo")).isEqualTo("bar");
      assertThat(change.getJsonObject("body"))
          .isEqualTo(new JsonObject().put("target", saved.getValue("id")).put("data", saved).put("type", "create"));
      assertThat(api.get("/api/MyModels/" + saved.getValue("id")).json()).isEqualTo(saved);
    }
  }

  @Test
  @DisplayName("a failed request answers an err frame with the HTTP status and the LoopBack error body")
  void failureOverBridge() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.send(request("crud.Note", "r-2", new JsonObject().put("op", "create").put("data", new JsonObject())));
      JsonObject err = bridge.next();
      assertThat(err.getString("type")).isEqualTo("err");
      assertThat(err.getString("address")).isEqualTo("r-2");
      assertThat(err.getInteger("failureCode")).isEqualTo(422);
      assertThat(new JsonObject(err.getString("message")).getJsonObject("error").getString("name"))
          .isEqualTo("ValidationError");

      bridge.send(request("crud.Note", "r-3", new JsonObject().put("op", "explode")));
      JsonObject unknown = bridge.next();
      assertThat(unknown.getInteger("failureCode")).isEqualTo(400);
      assertThat(unknown.getString("message")).contains("unknown op");
    }
  }

  @Test
  @DisplayName("CRUD needs request-reply: publish and a send without reply handler are refused")
  void requestReplyOnly() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.publish("crud.MyModel", new JsonObject().put("op", "create"));
      JsonObject denied = bridge.next();
      assertThat(denied.getString("body")).isEqualTo("access_denied");
      assertThat(denied.getString("message")).contains("request-reply");
      bridge.send(new JsonObject().put("type", "send").put("address", "crud.MyModel")
          .put("body", new JsonObject().put("op", "create")));
      assertThat(bridge.next().getString("body")).isEqualTo("reply_address_required");
      bridge.send(request("crud.Nope", "r-4", new JsonObject().put("op", "find")));
      assertThat(bridge.next().getString("body")).isEqualTo("access_denied");
      bridge.assertNothingWithin(200);
      assertThat(api.get("/api/MyModels/count").json().getInteger("count")).isZero();
    }
  }
}
