package io.livemodel.crud.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 "Bad input": hostile credentials and tokens against the acl-app. Every answer is a 4xx
 * LoopBack-style error (never a 5xx), the server keeps serving, no answer carries a password hash,
 * and a run of wrong logins is throttled early.
 */
@DisplayName("Hostile credentials and tokens: 4xx, never 5xx, no hash in any answer, wrong logins throttled")
class CredentialAbuseTest {

  private static final Path APP = Path.of("src/test/resources/lb-apps/acl-app");
  private static final String MB = "p".repeat(1024 * 1024);

  private TestServer server;
  private Api api;
  private String aliceId;
  private String token;

  /** The server under test; a subclass runs the same checks on PostgreSQL. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @BeforeEach
  void start() {
    server = builder().models(APP).bridge(new BridgeConfig("/eventbus", 0, "127.0.0.1", true, 10, 100, 64 * 1024)).build();
    api = new Api(server);
    Api.Response created = api.post("/api/Customers", new JsonObject().put("email", "alice@example.com").put("password", "secret-a"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    aliceId = String.valueOf(created.json().getValue("id"));
    token = api.post("/api/Customers/login", new JsonObject().put("email", "alice@example.com").put("password", "secret-a"))
        .json().getString("id");
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
  }

  /** A 4xx with LoopBack's error shape, no hash and no Java class in it. */
  private static void rejected(Api.Response r, String what) {
    assertThat(r.status()).as(what + ": " + r.body()).isBetween(400, 499);
    assertThat(r.body()).as(what).doesNotContain("$2a$").doesNotContain("$2b$").doesNotContain("Exception")
        .doesNotContain("java.");
    if (r.body().startsWith("{")) {
      assertThat(r.error().getInteger("statusCode")).as(what).isEqualTo(r.status());
    }
  }

  /**
   * A request line or header block beyond the server's limits (8 KB): answered 414/431 by the HTTP
   * codec, which then closes the connection; the client, still writing, may see the close (a reset)
   * before the answer. Either is a refusal; never a 5xx.
   */
  private void overlong(java.util.function.Function<Api, Api.Response> call, String what) {
    // its own connection: the server closes it after the answer, and a pooled one could be reused meanwhile
    Api fresh = new Api(server);
    try {
      rejected(call.apply(fresh), what);
    } catch (Exception closed) { // Netty's reset is a checked IOException thrown without a declaration
      assertThat(closed).as(what + ": refused by closing the connection (the caller checks the server serves on)")
          .isInstanceOfAny(io.vertx.core.http.HttpClosedException.class, java.io.IOException.class);
    } finally {
      fresh.close();
    }
  }

  /** The server still serves: an open read and the owner's read with the token issued before the abuse. */
  private void stillServing() {
    assertThat(api.get("/api/Articles").status()).isEqualTo(200);
    Api.Response own = api.get("/api/Customers/" + aliceId, "Authorization", token);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).doesNotContain("password").doesNotContain("$2a$");
  }

  @Test
  @DisplayName("malformed credentials on create and login (not JSON, email as number/array/object, missing fields) are 4xx")
  void malformedCredentials() {
    List<String> bodies = List.of("not json", "{\"email\":", "[]", "\"text\"", "null", "42", "{}",
        "{\"email\":1,\"password\":\"x\"}", "{\"email\":[\"alice@example.com\"],\"password\":\"secret-a\"}",
        "{\"email\":{\"like\":\".*\"},\"password\":\"secret-a\"}", "{\"email\":{\"neq\":null},\"password\":\"secret-a\"}",
        "{\"email\":\"alice@example.com\"}", "{\"password\":\"secret-a\"}", "{\"email\":\"alice@example.com\",\"password\":[\"secret-a\"]}", "{\"email\":\"alice@example.com\",\"password\":null}",
        "{\"username\":{\"gt\":\"\"},\"password\":\"secret-a\"}");
    for (String body : bodies) {
      rejected(api.call(HttpMethod.POST, "/api/Customers/login", body), "login " + body);
      if (!body.equals("[]")) { // an empty array is LoopBack's batch create of nothing: 200 []
        rejected(api.call(HttpMethod.POST, "/api/Customers", body.replace("alice@", "new@")), "create " + body);
      }
      if (!body.contains("\"email\":\"alice@example.com\"")) { // a well-formed reset is a 204
        rejected(api.call(HttpMethod.POST, "/api/Customers/reset", body), "reset " + body);
      }
      rejected(api.call(HttpMethod.POST, "/api/Customers/change-password", body, "Authorization", token),
          "change-password " + body);
    }
    rejected(api.call(HttpMethod.POST, "/api/Customers/login", "{\"email\":\"alice@example.com\",\"password\":\"secret-a\"}",
        "Content-Type", "text/plain"), "login as text/plain");
    stillServing();
  }

  @Test
  @DisplayName("a password sent as a number is hashed as its text (never stored in plain); an object or array is a 422")
  void nonStringPasswords() {
    Api.Response created = api.post("/api/Customers", new JsonObject("{\"email\":\"num@example.com\",\"password\":7}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonObject stored = server.server.store().findById(server.server.models().byName("Customer"), created.json().getValue("id"))
        .toCompletionStage().toCompletableFuture().join();
    assertThat(stored.getValue("password")).asString().startsWith("$2a$10$").hasSize(60);
    assertThat(api.post("/api/Customers/login", new JsonObject("{\"email\":\"num@example.com\",\"password\":\"7\"}")).status())
        .isEqualTo(200);
    rejected(api.post("/api/Customers", new JsonObject("{\"email\":\"obj@example.com\",\"password\":{\"a\":1}}")), "object");
    rejected(api.post("/api/Customers", new JsonObject("{\"email\":\"arr@example.com\",\"password\":[\"x\"]}")), "array");
    rejected(api.post("/api/Customers", new JsonObject("{\"email\":\"one@example.com\",\"password\":\"a\"}")
        .put("email", 1)), "email as a number is not an address");
    stillServing();
  }

  @Test
  @DisplayName("a 1 MB password is refused on create and on login, and the server goes on")
  void megabytePasswords() {
    rejected(api.post("/api/Customers", new JsonObject().put("email", "big@example.com").put("password", MB)), "create 1 MB");
    rejected(api.post("/api/Customers/login", new JsonObject().put("email", "alice@example.com").put("password", MB)), "login 1 MB");
    rejected(api.post("/api/Customers/login", new JsonObject().put("email", MB).put("password", "secret-a")), "1 MB email");
    rejected(api.post("/api/Customers/change-password", new JsonObject().put("oldPassword", "secret-a").put("newPassword", MB),
        "Authorization", token), "change to 1 MB");
    // Just under the body limit, so the password itself reaches the checks (bcrypt reads 72 bytes at most).
    String big = MB.substring(0, 900 * 1024);
    Api.Response tooLong = api.post("/api/Customers", new JsonObject().put("email", "big@example.com").put("password", big));
    rejected(tooLong, "create 900 KB");
    assertThat(tooLong.error().getString("code")).isEqualTo("PASSWORD_TOO_LONG");
    rejected(api.post("/api/Customers/login", new JsonObject().put("email", "alice@example.com").put("password", big)),
        "login 900 KB");
    rejected(api.post("/api/Customers/login", new JsonObject().put("email", "alice@example.com")
        .put("password", "secret-a" + big)), "login with the right password followed by 900 KB");
    rejected(api.post("/api/Customers/change-password", new JsonObject().put("oldPassword", "secret-a").put("newPassword", big),
        "Authorization", token), "change to 900 KB");
    stillServing();
  }

  @Test
  @DisplayName("forged, overlong and misplaced tokens count as no token: 401 or another 4xx, never a 5xx")
  void forgedAndMisplacedTokens() {
    String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    String huge = "t".repeat(64 * 1024);
    String base64Garbage = Base64.getEncoder().encodeToString("\u0000\u00ff garbage \uFFFF".getBytes(StandardCharsets.UTF_8));
    List<String[]> headerCases = List.of(
        new String[] {"Authorization", forged}, new String[] {"Authorization", "x".repeat(64)},
        new String[] {"X-Access-Token", forged}, new String[] {"Authorization", "Bearer " + token + "garbage"},
        new String[] {"Authorization", "Bearer garbage!!%%"}, new String[] {"Authorization", "Bearer " + base64Garbage},
        new String[] {"Authorization", base64Garbage}, new String[] {"Authorization", "Basic " + base64Garbage},
        new String[] {"Authorization", "Basic !!!"}, new String[] {"Authorization", "Bearer "},
        new String[] {"Cookie", "access_token=" + token}, new String[] {"Cookie", "authorization=" + token});
    for (String[] header : headerCases) {
      String what = header[0] + ": " + header[1].substring(0, Math.min(40, header[1].length()));
      rejected(api.get("/api/Messages", header), what);
      rejected(api.get("/api/Customers/" + aliceId, header), what);
      rejected(api.post("/api/Customers/logout", null, header), "logout " + what);
    }
    List<String> queries = List.of("?access_token=" + forged, "?access_token=" + token + "&access_token=" + token,
        "?access_token=" + forged + "&access_token=" + token, "?access_token=%00%ff",
        "?access_token[]=" + token, "?access_token=%", "?access_token=" + token.substring(0, 63));
    for (String query : queries) {
      rejected(api.get("/api/Messages" + query), "query " + query.substring(0, Math.min(60, query.length())));
    }
    rejected(api.post("/api/Messages", new JsonObject().put("text", "t").put("access_token", token)), "token in the body");
    String bigBase64 = Base64.getEncoder().encodeToString(huge.substring(0, 4000).getBytes(StandardCharsets.UTF_8));
    rejected(api.get("/api/Messages", "Authorization", "Bearer " + bigBase64), "5 KB of base64 after Bearer");
    rejected(api.get("/api/Messages", "Authorization", huge.substring(0, 5000)), "5 KB Authorization");
    rejected(api.get("/api/Messages?access_token=" + huge.substring(0, 5000)), "5 KB query token");
    overlong(c -> c.get("/api/Messages?access_token=" + huge), "64 KB query token");
    overlong(c -> c.get("/api/Messages/change-stream?_format=event-stream&access_token=" + huge), "64 KB on a stream");
    overlong(c -> c.get("/api/Messages", "Authorization", huge), "64 KB Authorization");
    overlong(c -> c.get("/api/Messages", "X-Access-Token", huge), "64 KB X-Access-Token");
    overlong(c -> c.get("/api/Messages", "Authorization",
        "Bearer " + Base64.getEncoder().encodeToString(huge.getBytes(StandardCharsets.UTF_8))), "64 KB base64 Bearer");
    rejected(api.get("/api/Messages/change-stream?_format=event-stream", "Authorization", forged), "forged token on a stream");
    stillServing();
  }

  @Test
  @DisplayName("bridge registrations with forged, overlong or non-string tokens are access_denied on a socket that goes on serving")
  void bridgeTokens() throws InterruptedException {
    String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    List<Object> bad = List.of(forged, "t".repeat(32 * 1024), 42, new JsonArray().add(token), new JsonObject().put("id", token),
        "Bearer " + token + "x", "");
    WebSocketClient client = server.vertx.createWebSocketClient();
    try {
      WebSocket socket = client.connect(server.port(), "127.0.0.1", "/eventbus/websocket").await();
      BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
      socket.binaryMessageHandler(b -> frames.add(b.toJsonObject()));
      socket.textMessageHandler(t -> frames.add(new JsonObject(t)));
      for (Object value : bad) {
        socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "changes.Message")
            .put("headers", new JsonObject().put("access_token", value)).encode()).await();
        JsonObject answer = frames.poll(10, TimeUnit.SECONDS);
        assertThat(answer).as("answer to " + String.valueOf(value).substring(0, Math.min(40, String.valueOf(value).length())))
            .isNotNull();
        assertThat(answer.getString("type")).isEqualTo("err");
        assertThat(answer.getString("body")).isEqualTo("access_denied");
      }
      socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "changes.Message")
          .put("headers", new JsonObject().put("access_token", token)).encode()).await();
      JsonObject delivered = null;
      for (int i = 0; i < 50 && delivered == null; i++) { // the registration is decided asynchronously
        assertThat(api.post("/api/Messages", new JsonObject().put("text", "m" + i), "Authorization", token).status())
            .isEqualTo(200);
        delivered = frames.poll(100, TimeUnit.MILLISECONDS);
      }
      assertThat(delivered).as("the valid token's registration is served on the same socket").isNotNull();
      assertThat(delivered.getString("type")).isEqualTo("rec");
    } finally {
      client.close().await();
    }
    stillServing();
  }

  @Test
  @DisplayName("1,000 wrong logins in a row: only a few are tried before 429 with Retry-After; none is a 5xx")
  void wrongLoginsThrottled() {
    int tried = 0;
    int throttled = 0;
    String retryAfter = null;
    for (int i = 0; i < 1000; i++) {
      Api.Response r = api.post("/api/Customers/login", new JsonObject().put("email", "alice@example.com").put("password", "wrong " + i));
      rejected(r, "wrong login " + i);
      if (r.status() == 429) {
        throttled++;
        retryAfter = r.header("Retry-After");
      } else {
        assertThat(r.status()).isEqualTo(401);
        assertThat(throttled).as("no attempt is let through once throttling started").isZero();
        tried++;
      }
    }
    assertThat(tried).as("wrong logins checked against the hash before throttling").isBetween(1, 20);
    assertThat(throttled).isEqualTo(1000 - tried);
    assertThat(Integer.parseInt(retryAfter)).isPositive();
    // Other accounts from the same address are slowed as well (per-address bucket), and reads go on.
    Api.Response other = api.post("/api/Customers/login", new JsonObject().put("email", "nobody@example.com").put("password", "x"));
    assertThat(other.status()).isEqualTo(429);
    stillServing();
  }
}
