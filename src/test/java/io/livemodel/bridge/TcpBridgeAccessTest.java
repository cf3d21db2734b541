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

/**
 * The TCP bridge forwards every message of a registered address (Vert.x 5.0.7 raises no event per
 * message), so it cannot narrow a stream to the caller's records: a registration allowed only through
 * {@code $owner} is refused there, instead of being sent every customer's notes.
 */
@DisplayName("Access control on the TCP bridge: an owner-only registration is refused, nobody's records leak")
class TcpBridgeAccessTest {

  private final int tcpPort = TestServer.freePort();
  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = TestServer.builder().models(Path.of("src/test/resources/lb-apps/acl-app"))
        .bridge(new BridgeConfig("/eventbus", tcpPort, "127.0.0.1", false, 10, 100, 64 * 1024)).build();
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

  @Test
  @DisplayName("READ through $owner alone: access_denied naming the SockJS bridge; then no note of anyone arrives")
  void ownerOnlyRefused() {
    String alice = token("alice@example.com");
    String bob = token("bob@example.com");
    try (TcpBridgeClient tcp = TcpBridgeClient.connect(server.vertx, "127.0.0.1", tcpPort)) {
      tcp.send(new JsonObject().put("type", "register").put("address", "changes.Note")
          .put("headers", new JsonObject().put("access_token", alice)));
      JsonObject refused = tcp.next();
      assertThat(refused.getString("type")).isEqualTo("err");
      assertThat(refused.getString("body")).isEqualTo("access_denied");
      assertThat(refused.getString("message")).contains("SockJS bridge");

      assertThat(api.post("/api/Notes", new JsonObject().put("title", "bob's").put("customerId", 2),
          "Authorization", bob).status()).isEqualTo(200);
      assertThat(api.post("/api/Notes", new JsonObject().put("title", "alice's").put("customerId", 1),
          "Authorization", alice).status()).isEqualTo(200);
      tcp.assertNothingWithin(500);
    }
  }
}
