package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Change streams (API.md section 5)")
class ChangeStreamTest {

  /** The server under test; subclasses run the same scenarios on another store. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(this::builder);

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
  }

  private SseClient stream(String pathAndQuery, String... headers) {
    return live.sse(pathAndQuery, headers);
  }

  @Test
  @DisplayName("the docs' example: a stream opened with curl prints the create as event: data")
  void docsExample() {
    try (SseClient sse = stream("/api/MyModels/change-stream?_format=event-stream")) {
      assertThat(sse.status()).isEqualTo(200);
      assertThat(sse.header("Content-Type")).isEqualTo("text/event-stream");
      assertThat(sse.header("Cache-Control")).isEqualTo("no-cache, no-transform");
      assertThat(sse.header("Content-Encoding")).isNull();
      sse.awaitRaw(":ok\n\n");
      assertThat(sse.raw()).startsWith(":ok\n\n");

      assertThat(api.post("/api/MyModels", new JsonObject().put("foo", "bar")).status()).isEqualTo(200);

      SseEvent event = sse.next();
      assertThat(event.event()).isEqualTo("data");
      assertThat(event.json()).isEqualTo(new JsonObject("{\"target\":1,\"data\":{\"foo\":\"bar\",\"id\":1},\"type\":\"create\"}"));
      assertThat(event.id()).isEqualTo("1");
      // Byte for byte as LoopBack frames it (its key order: declared properties, then the id, then the rest).
      assertThat(sse.raw()).endsWith("id: 1\nevent: data\ndata: {\"target\":1,\"data\":{\"id\":1,\"foo\":\"bar\"},\"type\":\"create\"}\n\n");
    }
  }

  @Test
  @DisplayName("SSE is chosen without _format for no Accept, */* and text/event-stream, and even with _format=json")
  void sseNegotiation() {
    String[][] cases = {
        {"/api/MyModels/change-stream"},
        {"/api/MyModels/change-stream", "Accept", "*/*"},
        {"/api/MyModels/change-stream", "Accept", "text/event-stream"},
        {"/api/MyModels/change-stream?_format=json"},
        {"/api/mymodels/change-stream/"},
    };
    for (String[] c : cases) {
      String[] headers = new String[c.length - 1];
      System.arraycopy(c, 1, headers, 0, headers.length);
      try (SseClient sse = stream(c[0], headers)) {
        assertThat(sse.header("Content-Type")).as(String.join(" ", c)).isEqualTo("text/event-stream");
        sse.awaitRaw(":ok\n\n");
      }
    }
  }

  @Test
  @DisplayName("every write route emits the change LoopBack computes, with the full instance")
  void everyWriteType() {
    try (SseClient sse = stream("/api/Notes/change-stream")) {
      sse.awaitRaw(":ok");
      api.post("/api/Notes", new JsonObject().put("title", "a").put("count", 1));
      api.post("/api/Notes", new JsonArray().add(new JsonObject().put("title", "b")).add(new JsonObject().put("title", "c")));
      api.patch("/api/Notes/1", new JsonObject().put("count", 2));
      api.put("/api/Notes/2", new JsonObject().put("title", "B"));
      api.post("/api/Notes/3/replace", new JsonObject().put("title", "C"));
      api.patch("/api/Notes", new JsonObject().put("id", 1).put("done", true));
      api.put("/api/Notes", new JsonObject().put("title", "d"));
      api.post("/api/Notes/upsertWithWhere?where=" + enc("{\"title\":\"d\"}"), new JsonObject().put("title", "d").put("count", 9));
      api.post("/api/Notes/update?where=" + enc("{\"count\":{\"gte\":2}}"), new JsonObject().put("done", false));
      api.delete("/api/Notes/2");
      api.delete("/api/Notes/99");

      JsonObject[] expected = {
          change(1, null, "{\"title\":\"a\",\"count\":1,\"id\":1}", "create"),
          change(2, null, "{\"title\":\"b\",\"id\":2}", "create"),
          change(3, null, "{\"title\":\"c\",\"id\":3}", "create"),
          change(1, null, "{\"title\":\"a\",\"count\":2,\"id\":1}", "update"),
          change(2, null, "{\"title\":\"B\",\"id\":2}", "update"),
          change(3, null, "{\"title\":\"C\",\"id\":3}", "update"),
          change(1, null, "{\"title\":\"a\",\"count\":2,\"done\":true,\"id\":1}", "update"),
          change(4, null, "{\"title\":\"d\",\"id\":4}", "create"),
          change(4, null, "{\"title\":\"d\",\"count\":9,\"id\":4}", "update"),
          change(1, null, "{\"title\":\"a\",\"count\":2,\"done\":false,\"id\":1}", "update"),
          change(4, null, "{\"title\":\"d\",\"count\":9,\"done\":false,\"id\":4}", "update"),
          new JsonObject().put("target", 2).put("where", new JsonObject().put("id", 2)).put("type", "remove"),
      };
      for (JsonObject want : expected) {
        SseEvent event = sse.next();
        assertThat(event.event()).isEqualTo("data");
        assertThat(event.json()).isEqualTo(want);
      }
      // Deleting an unknown id changed nothing, so it emits nothing (deliberate deviation).
      assertThat(sse.next(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  @DisplayName("failed writes, reads and other models' writes send nothing")
  void nothingForFailuresAndReads() {
    try (SseClient sse = stream("/api/Notes/change-stream")) {
      sse.awaitRaw(":ok");
      assertThat(api.post("/api/Notes", new JsonObject()).status()).isEqualTo(422);
      assertThat(api.patch("/api/Notes/42", new JsonObject().put("title", "x")).status()).isEqualTo(404);
      api.get("/api/Notes");
      api.post("/api/MyModels", new JsonObject().put("foo", 1));
      api.post("/api/Notes", new JsonObject().put("title", "ok"));
      assertThat(sse.next().json().getString("type")).isEqualTo("create");
      assertThat(sse.drain()).isEmpty();
    }
  }

  @Test
  @DisplayName("options.where delivers only matching data and drops removes; options.fields turns data into {}")
  void optionsFilter() {
    try (SseClient keep = stream("/api/MyModels/change-stream?options=" + enc("{\"where\":{\"foo\":\"keep\"}}"));
         SseClient brackets = stream("/api/MyModels/change-stream?options[where][foo]=keep");
         SseClient fields = stream("/api/MyModels/change-stream?options=" + enc("{\"fields\":{\"foo\":true}}"));
         SseClient all = stream("/api/MyModels/change-stream")) {
      for (SseClient c : new SseClient[] {keep, brackets, fields, all}) {
        c.awaitRaw(":ok");
      }
      api.post("/api/MyModels", new JsonObject().put("foo", "drop"));
      api.post("/api/MyModels", new JsonObject().put("foo", "keep"));
      api.delete("/api/MyModels/2");

      assertThat(all.next(3)).extracting(e -> e.json().getString("type")).containsExactly("create", "create", "remove");
      for (SseClient c : new SseClient[] {keep, brackets}) {
        SseEvent only = c.next();
        assertThat(only.json().getJsonObject("data")).isEqualTo(new JsonObject().put("foo", "keep").put("id", 2));
        assertThat(c.next(300, TimeUnit.MILLISECONDS)).isNull();
      }
      assertThat(fields.next(2)).extracting(e -> e.json().getJsonObject("data")).containsOnly(new JsonObject());
    }
  }

  @Test
  @DisplayName("POST /change-stream reads options from the JSON body")
  void postWithOptionsBody() {
    Buffer body = Buffer.buffer("{\"options\":{\"where\":{\"foo\":\"keep\"}}}");
    try (SseClient sse = live.sse(HttpMethod.POST, "/api/MyModels/change-stream",
        body, "Content-Type", "application/json")) {
      sse.awaitRaw(":ok");
      api.post("/api/MyModels", new JsonObject().put("foo", "drop"));
      api.post("/api/MyModels", new JsonObject().put("foo", "keep"));
      assertThat(sse.next().json().getJsonObject("data").getString("foo")).isEqualTo("keep");
    }
  }

  @Test
  @DisplayName("Accept: application/json gets LoopBack's newline-delimited JSON stream, byte for byte")
  void jsonLinesStream() {
    try (SseClient lines = live.sse(HttpMethod.POST, "/api/MyModels/change-stream",
        null, "Accept", "application/json")) {
      assertThat(lines.header("Content-Type")).isEqualTo("application/json; boundary=NL");
      lines.awaitRaw("\"new\"");
      api.post("/api/MyModels", new JsonObject().put("foo", "bar"));
      lines.awaitRaw("\"type\":\"create\"}]\n");
      String raw = lines.raw();
      String[] rows = raw.split("\n", -1);
      assertThat(rows).hasSize(3);
      assertThat(rows[2]).isEmpty();
      JsonArray open = new JsonArray(rows[0]);
      String id = open.getString(0);
      assertThat(id).matches("[0-9a-f]{26}");
      assertThat(open).isEqualTo(new JsonArray().add(id).add("new")
          .add(new JsonObject("{\"opts\":{\"writable\":false,\"readable\":true}}")));
      assertThat(new JsonArray(rows[1])).isEqualTo(new JsonArray().add(id).add("data")
          .add(new JsonObject("{\"target\":1,\"data\":{\"foo\":\"bar\",\"id\":1},\"type\":\"create\"}")));
      assertThat(raw).doesNotContain(":ok").doesNotContain("id:").doesNotContain("\n\n");
    }
  }

  @Test
  @DisplayName("an unknown model's change stream is a 404 JSON error with X-Warning; text/html alone is a 406")
  void unknownModelAndNotAcceptable() {
    Api.Response missing = api.get("/api/Nope/change-stream?_format=event-stream");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("X-Warning")).isNotBlank();
    assertThat(missing.error().getString("message")).isEqualTo("There is no method to handle GET /Nope/change-stream");
    assertThat(api.get("/api/MyModels/change-stream", "Accept", "text/html").status()).isEqualTo(406);
  }

  @Test
  @DisplayName("a heartbeat comment arrives on an idle stream, and a retry hint on open")
  void heartbeat() {
    server = live.restart(builder -> builder.heartbeatSeconds(1));
    api = live.api();
    try (SseClient sse = stream("/api/MyModels/change-stream")) {
      sse.awaitRaw(":ok\n\n");
      assertThat(sse.retry()).isEqualTo(3000);
      long deadline = System.currentTimeMillis() + 5000;
      while (sse.comments() < 2 && System.currentTimeMillis() < deadline) {
        sse.next(100, TimeUnit.MILLISECONDS);
      }
      assertThat(sse.comments()).as("the :ok preamble and at least one heartbeat").isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  @DisplayName("each subscriber gets every change; closing one leaves the others receiving")
  void independentSubscribers() {
    SseClient first = stream("/api/MyModels/change-stream");
    try (SseClient second = stream("/api/MyModels/change-stream")) {
      first.awaitRaw(":ok");
      second.awaitRaw(":ok");
      api.post("/api/MyModels", new JsonObject().put("n", 1));
      assertThat(first.next().json().getJsonObject("data").getInteger("n")).isEqualTo(1);
      assertThat(second.next().json().getJsonObject("data").getInteger("n")).isEqualTo(1);
      first.close();
      api.post("/api/MyModels", new JsonObject().put("n", 2));
      assertThat(second.next().json().getJsonObject("data").getInteger("n")).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("1,000 connect/disconnect cycles leave no subscriber, consumer or timer behind")
  void noLeaks() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      try (SseClient sse = stream("/api/MyModels/change-stream")) {
        try {
          sse.awaitRaw(":ok");
        } catch (AssertionError e) {
          throw new AssertionError("cycle " + i + ": " + e.getMessage(), e);
        }
      }
    }
    long deadline = System.currentTimeMillis() + 10_000;
    while (server.server.subscriberCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.server.subscriberCount()).isZero();
    assertThat(server.server.filterGroupCount()).isZero();
    try (SseClient sse = stream("/api/MyModels/change-stream")) {
      sse.awaitRaw(":ok");
      api.post("/api/MyModels", new JsonObject().put("after", true));
      assertThat(sse.next().json().getString("type")).isEqualTo("create");
      assertThat(sse.drain()).isEmpty();
    }
  }

  private static JsonObject change(Object target, JsonObject where, String data, String type) {
    JsonObject change = new JsonObject().put("target", target);
    if (where != null) {
      change.put("where", where);
    }
    return change.put("data", new JsonObject(data)).put("type", type);
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
