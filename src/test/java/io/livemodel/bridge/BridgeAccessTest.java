package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Access control on the SockJS bridge: registrations decided like createChangeStream, owner filtering, inbound CRUD")
class BridgeAccessTest {

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = TestServer.builder().models(Path.of("src/test/resources/lb-apps/acl-app"))
        .bridge(new BridgeConfig("/eventbus", 0, "127.0.0.1", true, 10, 100, 64 * 1024)).build();
    api = new Api(server);
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
  }

  private String token(String email) {
    api.post("/api/Customers", new JsonObject().put("email", email).put("password", "pw"));
    return api.post("/api/Customers/login", new JsonObject().put("email", email).put("password", "pw")).json().getString("id");
  }

  private static JsonObject register(String address, String token) {
    JsonObject frame = new JsonObject().put("type", "register").put("address", address);
    return token == null ? frame : frame.put("headers", new JsonObject().put("access_token", token));
  }

  @Test
  @DisplayName("a registration REST would refuse is access_denied; with a token READ through $owner alone, only the caller's records arrive")
  void registrations() {
    String alice = token("alice@example.com");
    String bob = token("bob@example.com");
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      bridge.send(register("changes.Message", null));
      JsonObject refused = bridge.next();
      assertThat(refused.getString("type")).isEqualTo("err");
      assertThat(refused.getString("body")).isEqualTo("access_denied");

      bridge.send(register("changes.Note", alice));
      JsonObject first = null;
      for (int i = 0; i < 50 && first == null; i++) {  // the registration is decided asynchronously
        api.post("/api/Notes", new JsonObject().put("title", "alice " + i).put("customerId", 1), "Authorization", alice);
        first = bridge.pollWithin(100);
      }
      assertThat(first).as("alice's notes arrive").isNotNull();
      bridge.drainWithin(200);
      api.post("/api/Notes", new JsonObject().put("title", "bob's").put("customerId", 2), "Authorization", bob);
      api.post("/api/Notes", new JsonObject().put("title", "alice last").put("customerId", 1), "Authorization", alice);
      JsonObject next = bridge.next();
      assertThat(next.getJsonObject("body").getJsonObject("data").getString("title")).isEqualTo("alice last");
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("inbound CRUD goes through the REST acls: 401 without a token, the owner's read with one")
  void crud() {
    String alice = token("alice@example.com");
    Object note = api.post("/api/Notes", new JsonObject().put("title", "n").put("customerId", 1), "Authorization", alice)
        .json().getValue("id");
    try (WsBridgeClient bridge = WsBridgeClient.connect(server)) {
      JsonObject findById = new JsonObject().put("op", "findById").put("id", note);
      bridge.send(new JsonObject().put("type", "send").put("address", "crud.Note").put("replyAddress", "r-1")
          .put("body", findById));
      JsonObject denied = bridge.next();
      assertThat(denied.getInteger("failureCode")).isEqualTo(401);
      bridge.send(new JsonObject().put("type", "send").put("address", "crud.Note").put("replyAddress", "r-2")
          .put("body", findById).put("headers", new JsonObject().put("access_token", alice)));
      JsonObject read = bridge.next();
      assertThat(read.getJsonObject("body").getString("title")).isEqualTo("n");
    }
  }
}
