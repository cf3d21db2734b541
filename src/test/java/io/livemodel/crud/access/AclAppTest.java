package io.livemodel.crud.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acl-app (src/test/resources/lb-apps/acl-app) served by LiveModel: users, tokens, model acls,
 * ACL and RoleMapping rows in the store, $owner, and change streams, over real HTTP.
 */
@DisplayName("Access control of a LoopBack app folder over REST and change streams (acl-app)")
class AclAppTest {

  static final Path APP = Path.of("src/test/resources/lb-apps/acl-app");
  static final String DENIED =
      "{\"error\":{\"statusCode\":401,\"name\":\"Error\",\"message\":\"Authorization Required\",\"code\":\"AUTHORIZATION_REQUIRED\"}}";

  /** The server under test; a subclass runs the same checks on PostgreSQL. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> builder().models(APP));

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
  }

  private Object write(String model, JsonObject data) {
    return server.server.writes().write(new WriteRequest(server.server.models().byName(model), WriteOp.CREATE, null,
        data, null)).toCompletionStage().toCompletableFuture().join();
  }

  private String user(String email, String password) {
    Api.Response created = api.post("/api/Customers", new JsonObject().put("email", email).put("password", password));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return String.valueOf(created.json().getValue("id"));
  }

  private String login(String email, String password) {
    Api.Response r = api.post("/api/Customers/login", new JsonObject().put("email", email).put("password", password));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getString("id");
  }

  /** The value once it equals {@code expected}, or the last one after 10 s (the assertion then fails). */
  static <T> T eventually(java.util.function.Supplier<T> probe, T expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    T value = probe.get();
    while (!expected.equals(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      value = probe.get();
    }
    return value;
  }

  @Test
  @DisplayName("a user's password is stored as a bcrypt hash and never answered; email is unique; login answers LoopBack's token")
  void users() {
    String alice = user("alice@example.com", "secret-a");
    JsonObject stored = server.server.store().findById(server.server.models().byName("Customer"), Integer.valueOf(alice))
        .toCompletionStage().toCompletableFuture().join();
    assertThat(stored.getString("password")).startsWith("$2a$10$").hasSize(60);

    Api.Response duplicate = api.post("/api/Customers", new JsonObject("{\"email\":\"alice@example.com\",\"password\":\"x\"}"));
    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(duplicate.error().getString("message"))
        .isEqualTo("The `Customer` instance is not valid. Details: `email` Email already exists (value: \"alice@example.com\").");
    Api.Response empty = api.post("/api/Customers", new JsonObject("{\"email\":\"b@example.com\",\"password\":\"\"}"));
    assertThat(empty.error().getString("code")).isEqualTo("INVALID_PASSWORD");

    Api.Response wrong = api.post("/api/Customers/login", new JsonObject("{\"email\":\"alice@example.com\",\"password\":\"no\"}"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.error().getString("code")).isEqualTo("LOGIN_FAILED");
    Api.Response ok = api.post("/api/Customers/login?include=user",
        new JsonObject("{\"email\":\"alice@example.com\",\"password\":\"secret-a\",\"ttl\":60}"));
    assertThat(ok.json().fieldNames()).containsExactlyInAnyOrder("id", "ttl", "created", "userId", "user");
    assertThat(ok.json().getString("id")).hasSize(64);
    assertThat(ok.json().getInteger("ttl")).isEqualTo(60);
    assertThat(ok.json().getJsonObject("user").fieldNames()).containsExactlyInAnyOrder("id", "email");
  }

  @Test
  @DisplayName("a denied call is LoopBack's 401 body; the owner may read itself; a logout holds at once, and twice is a 401 without code")
  void tokens() {
    String alice = user("alice@example.com", "secret-a");
    String bob = user("bob@example.com", "secret-b");
    String token = login("alice@example.com", "secret-a");
    assertThat(api.get("/api/Customers/" + alice).body()).isEqualTo(DENIED);
    assertThat(api.get("/api/Customers/" + alice, "Authorization", token).json().getString("email")).isEqualTo("alice@example.com");
    assertThat(api.get("/api/Customers/" + alice + "?access_token=" + token).status()).isEqualTo(200);
    assertThat(api.get("/api/Customers/" + bob, "X-Access-Token", token).status()).isEqualTo(401);
    assertThat(api.get("/api/Customers", "Authorization", token).status()).as("$owner never holds on find").isEqualTo(401);

    assertThat(api.post("/api/Customers/logout", null, "Authorization", token).status()).isEqualTo(204);
    assertThat(api.get("/api/Customers/" + alice, "Authorization", token).status()).isEqualTo(401);
    Api.Response again = api.post("/api/Customers/logout", null, "Authorization", token);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.error().containsKey("code")).isFalse();
    assertThat(again.error().getString("message")).isEqualTo("accessToken is required to logout");
  }

  @Test
  @DisplayName("$owner through belongsTo holds for the path's instance only; an unknown id is 401; a custom role and an ACL row in the store apply")
  void owners() {
    user("alice@example.com", "secret-a");
    String bob = user("bob@example.com", "secret-b");
    String a = login("alice@example.com", "secret-a");
    String b = login("bob@example.com", "secret-b");
    Object noteA = api.post("/api/Notes", new JsonObject().put("title", "a").put("customerId", 1), "Authorization", a)
        .json().getValue("id");
    Object noteB = api.post("/api/Notes", new JsonObject().put("title", "b").put("customerId", 2), "Authorization", b)
        .json().getValue("id");
    assertThat(api.get("/api/Notes/" + noteA, "Authorization", a).status()).isEqualTo(200);
    assertThat(api.get("/api/Notes/" + noteB, "Authorization", a).status()).isEqualTo(401);
    assertThat(api.get("/api/Notes/" + noteB + "?id=" + noteA, "Authorization", a).status())
        .as("only the path's id decides ownership").isEqualTo(401);
    assertThat(api.get("/api/Notes/999", "Authorization", a).body()).isEqualTo(DENIED);
    assertThat(api.get("/api/Notes", "Authorization", a).status()).isEqualTo(401);
    assertThat(api.get("/api/Notes", "Authorization", b).status()).isEqualTo(401);

    Object roleId = ((JsonObject) write("Role", new JsonObject().put("name", "editor"))).getValue("id");
    write("RoleMapping", new JsonObject().put("principalType", "USER").put("principalId", bob).put("roleId", roleId));
    assertThat(api.get("/api/Notes", "Authorization", b).array()).as("editor READ").hasSize(2);

    Api.Response line = api.post("/api/Guestbooks", new JsonObject().put("line", "hi"));
    assertThat(line.status()).isEqualTo(200);
    Api.Response replaced = api.put("/api/Guestbooks/1", new JsonObject().put("line", "x"));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    write("ACL", new JsonObject().put("model", "Guestbook").put("property", "replaceById").put("accessType", "WRITE")
        .put("principalType", "ROLE").put("principalId", "$everyone").put("permission", "DENY"));
    // ACL rows are a per-node snapshot, reloaded when the change bus delivers the row's change
    assertThat(eventually(() -> api.put("/api/Guestbooks/1", new JsonObject().put("line", "y")).status(), 401)).isEqualTo(401);
    assertThat(api.post("/api/Guestbooks/1/replace", new JsonObject().put("line", "y")).status()).isEqualTo(401);
    assertThat(api.patch("/api/Guestbooks/1", new JsonObject().put("line", "z")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a denied change stream is a 401 JSON error before any byte; an owner-only stream carries only the caller's records")
  void streams() {
    user("alice@example.com", "secret-a");
    user("bob@example.com", "secret-b");
    String a = login("alice@example.com", "secret-a");
    String b = login("bob@example.com", "secret-b");
    try (SseClient denied = SseClient.open(server.vertx, server.base() + "/api/Messages/change-stream")) {
      assertThat(denied.status()).isEqualTo(401);
      denied.awaitRaw("AUTHORIZATION_REQUIRED");
    }
    try (SseClient own = SseClient.open(server.vertx, server.base() + "/api/Notes/change-stream?access_token=" + a)) {
      assertThat(own.status()).isEqualTo(200);
      api.post("/api/Notes", new JsonObject().put("title", "bob's").put("customerId", 2), "Authorization", b);
      api.post("/api/Notes", new JsonObject().put("title", "alice's").put("customerId", 1), "Authorization", a);
      SseEvent first = own.next(10, TimeUnit.SECONDS);
      assertThat(first.data()).contains("alice's").doesNotContain("bob's");
    }
    try (SseClient messages = SseClient.open(server.vertx, server.base() + "/api/Messages/change-stream", "Authorization", a)) {
      assertThat(messages.status()).isEqualTo(200);
      api.post("/api/Messages", new JsonObject().put("text", "t").put("secret", "s"), "Authorization", a);
      assertThat(messages.next(10, TimeUnit.SECONDS).data()).contains("\"text\":\"t\"").doesNotContain("secret");
    }
  }

  @Test
  @DisplayName("a stream allowed through a token ends when the token is logged out, or when it expires; the reconnection is refused")
  void streamsEndWithTheirToken() {
    user("alice@example.com", "secret-a");
    String token = login("alice@example.com", "secret-a");
    Api.Response shortLived = api.post("/api/Customers/login",
        new JsonObject("{\"email\":\"alice@example.com\",\"password\":\"secret-a\",\"ttl\":1}"));
    String expiring = shortLived.json().getString("id");
    try (SseClient loggedOut = SseClient.open(server.vertx, server.base() + "/api/Messages/change-stream", "Authorization", token);
         SseClient expires = SseClient.open(server.vertx, server.base() + "/api/Messages/change-stream?access_token=" + expiring)) {
      assertThat(loggedOut.status()).isEqualTo(200);
      assertThat(expires.status()).isEqualTo(200);
      assertThat(api.post("/api/Customers/logout", null, "Authorization", token).status()).isEqualTo(204);
      assertThat(eventually(loggedOut::ended, true)).as("ended by the logout").isTrue();
      assertThat(eventually(expires::ended, true)).as("ended when the ttl ran out").isTrue();
    }
    try (SseClient again = SseClient.open(server.vertx, server.base() + "/api/Messages/change-stream", "Authorization", token)) {
      assertThat(again.status()).isEqualTo(401);
    }
  }

  @Test
  @DisplayName("change-password keeps the caller's token and logs the user out everywhere else")
  void changePassword() {
    String carol = user("carol@example.com", "old-c");
    String current = login("carol@example.com", "old-c");
    String other = login("carol@example.com", "old-c");
    Api.Response wrong = api.post("/api/Customers/change-password",
        new JsonObject().put("oldPassword", "bad").put("newPassword", "new-c"), "Authorization", current);
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.error().getString("code")).isEqualTo("INVALID_PASSWORD");
    assertThat(api.post("/api/Customers/change-password",
        new JsonObject().put("oldPassword", "old-c").put("newPassword", "new-c"), "Authorization", current).status())
        .isEqualTo(204);
    assertThat(api.get("/api/Customers/" + carol, "Authorization", current).status()).isEqualTo(200);
    assertThat(api.get("/api/Customers/" + carol, "Authorization", other).status()).isEqualTo(401);
    assertThat(api.post("/api/Customers/login", new JsonObject().put("email", "carol@example.com").put("password", "old-c"))
        .status()).isEqualTo(401);
    login("carol@example.com", "new-c");
  }

  @Test
  @DisplayName("deleting a user deletes its tokens: they no longer authenticate")
  void deletedUser() {
    String alice = user("alice@example.com", "secret-a");
    String token = login("alice@example.com", "secret-a");
    assertThat(api.get("/api/Messages", "Authorization", token).status()).isEqualTo(200);
    assertThat(api.delete("/api/Customers/" + alice, "Authorization", token).status()).isEqualTo(200);
    assertThat(api.get("/api/Messages", "Authorization", token).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a hidden email is still what login and uniqueness compare (the server's own lookups ignore no property)")
  void hiddenEmail() {
    try (TestServer other = builder().models(Path.of("src/test/resources/hidden-email-app")).build();
         Api members = new Api(other)) {
      assertThat(members.post("/api/Members", new JsonObject("{\"email\":\"a@example.com\",\"password\":\"pa\"}")).status())
          .isEqualTo(200);
      assertThat(members.post("/api/Members", new JsonObject("{\"email\":\"b@example.com\",\"password\":\"pb\"}")).status())
          .as("another email is not a duplicate").isEqualTo(200);
      assertThat(members.post("/api/Members", new JsonObject("{\"email\":\"b@example.com\",\"password\":\"x\"}")).status())
          .isEqualTo(422);
      Api.Response login = members.post("/api/Members/login", new JsonObject("{\"email\":\"b@example.com\",\"password\":\"pb\"}"));
      assertThat(login.status()).as(login.body()).isEqualTo(200);
      assertThat(login.json().getInteger("userId")).as("b's token, not the first member's").isEqualTo(2);
    }
  }

  @Test
  @DisplayName("failed logins are slowed per account: past the burst, 429 with Retry-After, even with the right password")
  void throttle() {
    user("alice@example.com", "secret-a");
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(api.post("/api/Customers/login", new JsonObject("{\"email\":\"alice@example.com\",\"password\":\"no\"}")).status());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.get(10)).isEqualTo(429);
    Api.Response right = api.post("/api/Customers/login", new JsonObject("{\"email\":\"alice@example.com\",\"password\":\"secret-a\"}"));
    assertThat(right.status()).isEqualTo(429);
    assertThat(Integer.parseInt(right.header("Retry-After"))).isPositive();
  }
}
