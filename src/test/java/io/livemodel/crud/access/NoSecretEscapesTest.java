package io.livemodel.crud.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.model.ModelDefinition;
import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 "No secret escapes": a full scenario on the acl-app (users, logins, reads as owner, admin
 * and anonymous, SSE and JSON-lines streams of the users' changes, a replay, a bridge registration,
 * change and reset of passwords, logout) with every answer, stream byte, bridge frame and log record
 * captured; then none of it may hold a plaintext password, a bcrypt prefix or a stored hash.
 */
@DisplayName("No secret escapes: no password or hash in any answer, stream, replay, bridge frame or log record")
class NoSecretEscapesTest {

  private static final Path APP = Path.of("src/test/resources/lb-apps/acl-app");
  // Written by bcryptjs 2.4.3 (LoopBack 3) with cost 10; the vector of auth/PasswordsTest.
  private static final String LOOPBACK_HASH = "$2a$10$gtFyNSQzKbIh1AqHun9eBuXqY8vVZDn/7REG0s75/fZJgWc0qFfGW";
  private static final String LOOPBACK_PASSWORD = "opensesame-LB3";
  private static final Pattern RESET_LINK = Pattern.compile("/reset-password\\?access_token=([A-Za-z0-9]{64})");

  private final List<String> passwords = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private final StringBuilder seen = new StringBuilder();
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (records) {
        records.add(record);
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private Level rootLevel;
  private TestServer server;
  private Api api;

  /** The server under test; a subclass runs the same scenario on PostgreSQL. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @BeforeEach
  void start() {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    server = builder().models(APP).bridge(new BridgeConfig("/eventbus", 0, "127.0.0.1", true, 10, 100, 64 * 1024)).build();
    api = new Api(server);
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
    Logger root = Logger.getLogger("");
    root.removeHandler(capture);
    root.setLevel(rootLevel);
  }

  @Test
  @DisplayName("a full scenario on REST, SSE, JSON lines, replay, bridge and logs: no plaintext password, no $2a$/$2b$, no stored hash")
  void fullScenario() {
    // Open the users' change stream to everyone (an ACL row), so every stream carries every user change.
    write("ACL", new JsonObject().put("model", "Customer").put("property", "createChangeStream").put("accessType", "*")
        .put("principalType", "ROLE").put("principalId", "$everyone").put("permission", "ALLOW"));
    Object editor = write("Role", new JsonObject().put("name", "editor")).getValue("id");
    // ACL rows are a per-node snapshot reloaded from the change bus: the stream opens once it has the row.
    assertThat(AclAppTest.eventually(this::openSse, 200)).isEqualTo(200);
    SseClient sse = openedSse;
    SseClient lines = SseClient.open(server.vertx, server.base() + "/api/Customers/change-stream", "Accept", "application/json");
    assertThat(lines.status()).isEqualTo(200);
    List<String> bridge = new ArrayList<>();
    WebSocketClient wsClient = server.vertx.createWebSocketClient();
    WebSocket socket = wsClient.connect(server.port(), "127.0.0.1", "/eventbus/websocket").await();
    socket.binaryMessageHandler(b -> {
      synchronized (bridge) {
        bridge.add(b.toString());
      }
    });
    socket.textMessageHandler(t -> {
      synchronized (bridge) {
        bridge.add(t);
      }
    });
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "changes.Customer").encode()).await();

    // Users; the bridge registration is decided asynchronously: create users until one reaches it.
    String alice = user("alice@example.com", "Alice-Pass-1!");
    for (int i = 0; AclAppTest.eventually(() -> size(bridge) > 0, true) != Boolean.TRUE && i < 5; i++) {
      user("warm" + i + "@example.com", "Warm-Pass-" + i + "!");
    }
    assertThat(size(bridge)).as("the bridge registration receives user changes").isPositive();
    String bob = user("bob@example.com", "Bob-Pass-2!");
    String carol = user("carol@example.com", "Carol-Pass-3!");
    write("RoleMapping", new JsonObject().put("principalType", "USER").put("principalId", carol).put("roleId", editor));

    String a = login("alice@example.com", "Alice-Pass-1!", true);
    String c = login("carol@example.com", "Carol-Pass-3!", false);
    login("bob@example.com", "Bob-Pass-2!", true);
    record(api.post("/api/Customers/login", new JsonObject().put("email", "bob@example.com").put("password", "wrong")));

    // Reads as owner, admin (the editor role may find), anonymous; fields/where cannot reach the password.
    assertThat(record(api.get("/api/Customers/" + alice, "Authorization", a)).status()).isEqualTo(200);
    assertThat(record(api.get("/api/Customers", "Authorization", c)).array()).hasSizeGreaterThanOrEqualTo(3);
    record(api.get("/api/Customers?filter=" + enc("{\"fields\":[\"password\",\"email\"]}"), "Authorization", c));
    record(api.get("/api/Customers?filter=" + enc("{\"where\":{\"password\":{\"like\":\"^\\\\$2\"}}}"), "Authorization", c));
    record(api.get("/api/Customers/findOne?filter=" + enc("{\"fields\":{\"password\":true}}"), "Authorization", c));
    record(api.get("/api/Customers/" + alice + "?filter=" + enc("{\"fields\":[\"password\"]}"), "Authorization", a));
    record(api.get("/api/Customers/" + alice + "?_format=xml", "Authorization", a));
    record(api.get("/api/Customers"));
    record(api.get("/api/Customers/" + bob));
    record(api.patch("/api/Customers/" + alice, new JsonObject().put("internalScore", 5), "Authorization", a));

    // Change alice's password; reset bob's through the link logged at INFO.
    assertThat(record(api.post("/api/Customers/change-password",
        new JsonObject().put("oldPassword", "Alice-Pass-1!").put("newPassword", "Alice-New-4!"), "Authorization", a))
        .status()).isEqualTo(204);
    passwords.add("Alice-New-4!");
    assertThat(record(api.post("/api/Customers/reset", new JsonObject().put("email", "bob@example.com"))).status())
        .isEqualTo(204);
    String resetToken = resetToken();
    assertThat(record(api.post("/api/Customers/reset-password?access_token=" + resetToken,
        new JsonObject().put("newPassword", "Bob-New-5!"))).status()).isEqualTo(204);
    passwords.add("Bob-New-5!");
    login("bob@example.com", "Bob-New-5!", true);
    record(api.post("/api/Customers/change-password",
        new JsonObject().put("oldPassword", "wrong-old").put("newPassword", "Never-Set-6!"), "Authorization", a));
    passwords.add("Never-Set-6!");
    assertThat(record(api.post("/api/Customers/logout", null, "Authorization", a)).status()).isEqualTo(204);
    // A last change as the sentinel every stream must carry.
    String dave = user("dave@example.com", "Dave-Pass-7!");

    String sentinel = "\"dave@example.com\"";
    sse.awaitRaw(sentinel);
    lines.awaitRaw(sentinel);
    assertThat(AclAppTest.eventually(() -> String.join("", snapshot(bridge)).contains(sentinel), true)).isTrue();
    SseEvent first = sse.next(10, TimeUnit.SECONDS);
    try (SseClient replay = SseClient.open(server.vertx, server.base() + "/api/Customers/change-stream?_format=event-stream",
        "Last-Event-ID", first.id())) {
      assertThat(replay.status()).isEqualTo(200);
      replay.awaitRaw(sentinel);
      seen.append(replay.raw());
    }
    seen.append(sse.raw()).append(lines.raw()).append(String.join("\n", snapshot(bridge)));
    sse.close();
    lines.close();
    wsClient.close().await();

    List<String> hashes = storedHashes(alice, bob, carol, dave);
    String everything = seen + "\n" + logText();
    assertThat(everything).as("the capture holds the scenario").contains("alice@example.com").contains("dave@example.com")
        .contains("\"type\":\"update\"").contains("reset-password?access_token=");
    assertThat(everything).doesNotContain("$2a$").doesNotContain("$2b$").doesNotContain("$2y$");
    for (String hash : hashes) {
      assertThat(everything).doesNotContain(hash).doesNotContain(hash.substring(7));
    }
    for (String password : passwords) {
      assertThat(everything).as("plaintext password").doesNotContain(password);
    }
    // Login tokens are secrets too: none in a record at INFO or above (only the reset link is logged, by design).
    String infoLog = snapshotRecords().stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
        .map(r -> r.getMessage() + " " + r.getThrown()).reduce("", String::concat);
    assertThat(tokens).hasSize(4).allSatisfy(t -> assertThat(infoLog).doesNotContain(t));
  }

  @Test
  @DisplayName("a $2a$10$ hash made by LoopBack, written straight into the store, lets its user log in; the hash is never answered")
  void loopBackHash() {
    ModelDefinition customers = server.server.models().byName("Customer");
    server.server.store().write(customers, tx -> tx.insert(new JsonObject().put("email", "legacy@example.com")
        .put("password", LOOPBACK_HASH))).toCompletionStage().toCompletableFuture().join();
    Api.Response wrong = record(api.post("/api/Customers/login",
        new JsonObject().put("email", "legacy@example.com").put("password", "opensesame-LB4")));
    assertThat(wrong.status()).isEqualTo(401);
    Api.Response ok = record(api.post("/api/Customers/login?include=user",
        new JsonObject().put("email", "legacy@example.com").put("password", LOOPBACK_PASSWORD)));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().getJsonObject("user").getString("email")).isEqualTo("legacy@example.com");
    String token = ok.json().getString("id");
    Object id = ok.json().getValue("userId");
    assertThat(record(api.get("/api/Customers/" + id, "Authorization", token)).status()).isEqualTo(200);
    String everything = seen + "\n" + logText();
    assertThat(everything).doesNotContain("$2a$").doesNotContain(LOOPBACK_HASH.substring(7)).doesNotContain(LOOPBACK_PASSWORD);
  }

  private SseClient openedSse;

  private int openSse() {
    SseClient client = SseClient.open(server.vertx, server.base() + "/api/Customers/change-stream?_format=event-stream");
    if (client.status() != 200) {
      seen.append(client.raw());
      client.close();
      return client.status();
    }
    client.awaitRaw(":ok");
    openedSse = client;
    return 200;
  }

  private JsonObject write(String model, JsonObject data) {
    return (JsonObject) server.server.writes().write(new WriteRequest(server.server.models().byName(model), WriteOp.CREATE,
        null, data, null)).toCompletionStage().toCompletableFuture().join();
  }

  private String user(String email, String password) {
    passwords.add(password);
    Api.Response created = record(api.post("/api/Customers", new JsonObject().put("email", email).put("password", password)
        .put("nickname", "n").put("internalScore", 1)));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return String.valueOf(created.json().getValue("id"));
  }

  private String login(String email, String password, boolean includeUser) {
    Api.Response r = record(api.post("/api/Customers/login" + (includeUser ? "?include=user" : ""),
        new JsonObject().put("email", email).put("password", password)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    tokens.add(r.json().getString("id"));
    return r.json().getString("id");
  }

  private Api.Response record(Api.Response response) {
    seen.append(response.status()).append('\n');
    response.headers().forEach(h -> seen.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
    seen.append(response.body()).append('\n');
    return response;
  }

  private String resetToken() {
    for (LogRecord record : snapshotRecords()) {
      Matcher m = RESET_LINK.matcher(String.valueOf(record.getMessage()));
      if (m.find() && record.getLevel() == Level.INFO) {
        return m.group(1);
      }
    }
    throw new AssertionError("no reset link logged at INFO");
  }

  private String logText() {
    StringBuilder text = new StringBuilder();
    for (LogRecord record : snapshotRecords()) {
      text.append(record.getLoggerName()).append(' ').append(record.getMessage());
      if (record.getParameters() != null) {
        for (Object p : record.getParameters()) {
          text.append(' ').append(p);
        }
      }
      if (record.getThrown() != null) {
        text.append(' ').append(record.getThrown());
      }
      text.append('\n');
    }
    return text.toString();
  }

  private List<String> storedHashes(String... ids) {
    ModelDefinition customers = server.server.models().byName("Customer");
    List<String> hashes = new ArrayList<>();
    for (String id : ids) {
      JsonObject row = server.server.store().findById(customers, Integer.valueOf(id))
          .toCompletionStage().toCompletableFuture().join();
      String hash = row.getString("password");
      assertThat(hash).startsWith("$2a$10$").hasSize(60);
      hashes.add(hash);
    }
    return hashes;
  }

  private List<LogRecord> snapshotRecords() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  private static List<String> snapshot(List<String> list) {
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  private static int size(List<String> list) {
    synchronized (list) {
      return list.size();
    }
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
