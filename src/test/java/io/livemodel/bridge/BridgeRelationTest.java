package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The bridge form of a relation change stream: changes.Book registered with the header relation: Author.1.books")
class BridgeRelationTest {

  private final int tcpPort = TestServer.freePort();

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> TestServer.builder()
      .models(Path.of("src/test/resources/relation-models"))
      .bridge(new BridgeConfig("/eventbus", tcpPort, "127.0.0.1", false, 10, 200, 64 * 1024)));

  private Api api;

  @BeforeEach
  void start() {
    api = live.api();
    ok(api.post("/api/Authors", new JsonObject().put("name", "Ann")));
    ok(api.post("/api/Authors", new JsonObject().put("name", "Bob")));
    ok(api.post("/api/Books", new JsonObject().put("title", "A1").put("authorId", 1)));  // book 1
  }

  private static JsonObject ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonObject register(String address, JsonObject headers) {
    return new JsonObject().put("type", "register").put("address", address).put("headers", headers);
  }

  private static JsonObject relation(String relation) {
    return new JsonObject().put("relation", relation);
  }

  /** Type and target of a change frame's body, e.g. {@code create 3}. */
  private static String summary(JsonObject frame) {
    assertThat(frame.getString("type")).as("a message frame: %s", frame).isIn("rec", "message");
    JsonObject body = frame.getJsonObject("body");
    return body.getString("type") + " " + body.getValue("target");
  }

  @Test
  @DisplayName("only author 1's books arrive, a book moved away and a deleted one as LoopBack removes; no frame carries the before header")
  void relationRegistration() {
    try (WsBridgeClient ann = WsBridgeClient.connect(live.server());
         WsBridgeClient all = WsBridgeClient.connect(live.server())) {
      ann.send(register("changes.Book", relation("Author.1.books")));
      ann.sync();
      all.registerAndSync("changes.Book");

      ok(api.post("/api/Books", new JsonObject().put("title", "A2").put("authorId", 1)));  // 2
      ok(api.post("/api/Books", new JsonObject().put("title", "B1").put("authorId", 2)));  // 3
      ok(api.patch("/api/Books/1", new JsonObject().put("authorId", 2)));                   // moves away
      ok(api.delete("/api/Books/3"));                                                       // Bob's
      ok(api.delete("/api/Books/2"));                                                       // Ann's
      ok(api.post("/api/Books", new JsonObject().put("title", "A3").put("authorId", 1)));  // 4

      List<JsonObject> frames = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        frames.add(ann.next());
      }
      assertThat(frames.stream().map(BridgeRelationTest::summary).toList())
          .containsExactly("create 2", "remove 1", "remove 2", "create 4");
      assertThat(frames.get(1).getJsonObject("body")).isEqualTo(new JsonObject()
          .put("target", 1).put("where", new JsonObject().put("id", 1)).put("type", "remove"));
      assertThat(frames.get(1).getJsonObject("headers")).isEqualTo(new JsonObject().put("seq", "4"));
      ann.assertNothingWithin(300);

      List<JsonObject> everything = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        everything.add(all.next());
      }
      assertThat(everything.stream().map(BridgeRelationTest::summary).toList())
          .containsExactly("create 2", "create 3", "update 1", "remove 3", "remove 2", "create 4");
      assertThat(everything).allSatisfy(frame ->
          assertThat(frame.getJsonObject("headers").fieldNames()).containsExactly("seq"));
    }
  }

  @Test
  @DisplayName("options narrow a relation registration; bad relation headers and options are refused with a reason, and the socket serves on")
  void badInput() {
    try (WsBridgeClient bridge = WsBridgeClient.connect(live.server())) {
      String[][] refused = {
          {"changes.Book", "Author.999.books", "invalid_relation", "could not find a model with id 999"},
          {"changes.Book", "Author.abc.books", "invalid_relation", "could not find a model with id abc"},
          {"changes.Author", "Book.1.author", "invalid_relation", "author is a belongsTo relation"},
          {"changes.Patient", "Physician.1.patients", "invalid_relation", "hasMany relations without through"},
          {"changes.Author", "Author.1.books", "invalid_relation", "register changes.Book"},
          {"changes.Book", "Author.1.nope", "invalid_relation", "there is no relation nope"},
          {"changes.Book", "books", "invalid_relation", "<ParentModel>.<id>.<relation>"},
      };
      for (String[] c : refused) {
        bridge.send(register(c[0], relation(c[1])));
        JsonObject err = bridge.next();
        assertThat(err.getString("type")).as(c[1]).isEqualTo("err");
        assertThat(err.getString("body")).as(c[1]).isEqualTo(c[2]);
        assertThat(err.getString("address")).isEqualTo(c[0]);
        assertThat(err.getString("message")).as(c[1]).contains(c[3]);
      }
      for (Object options : List.of("{bad", 5, new JsonObject().put("where", new JsonObject().put("and", "x")))) {
        bridge.send(register("changes.Book", relation("Author.1.books").put("options", options)));
        JsonObject err = bridge.next();
        assertThat(err.getString("body")).as("options %s: %s", options, err).isEqualTo("invalid_options");
      }

      bridge.send(register("changes.Book", relation("Author.1.books")
          .put("options", "{\"where\":{\"title\":{\"neq\":\"skip\"}}}")));
      bridge.sync();
      ok(api.post("/api/Books", new JsonObject().put("title", "skip").put("authorId", 1)));  // 2
      ok(api.post("/api/Books", new JsonObject().put("title", "A2").put("authorId", 1)));    // 3
      assertThat(summary(bridge.next())).isEqualTo("create 3");
      bridge.assertNothingWithin(200);
    }
  }

  @Test
  @DisplayName("the TCP bridge refuses a relation registration (it cannot filter what it forwards)")
  void tcpRefuses() {
    try (TcpBridgeClient tcp = TcpBridgeClient.connect(live.vertx(), "127.0.0.1", tcpPort)) {
      tcp.send(register("changes.Book", relation("Author.1.books")));
      JsonObject err = tcp.next();
      assertThat(err.getString("body")).isEqualTo("invalid_relation");
      assertThat(err.getString("message")).contains("SockJS bridge only");
      tcp.registerAndSync("changes.Book");
      ok(api.post("/api/Books", new JsonObject().put("title", "A2").put("authorId", 1)));
      assertThat(summary(tcp.next())).isEqualTo("create 2");
    }
  }

  @Test
  @DisplayName("decided as the REST relation stream (relation-acl-models): a denied target stream or parent relation read is access_denied, the allowed relation registration receives")
  void access() {
    live.restart(builder -> builder.models(Path.of("src/test/resources/relation-acl-models")));
    api = live.api();
    api.post("/api/Shelves", new JsonObject().put("name", "one"));
    api.post("/api/Crates", new JsonObject().put("name", "one"));
    api.post("/api/Things", new JsonObject().put("name", "t").put("shelfId", 1));
    try (WsBridgeClient bridge = WsBridgeClient.connect(live.server())) {
      for (String[] c : new String[][] {{"changes.Item", "Shelf.1.items"}, {"changes.Thing", "Crate.1.things"}}) {
        bridge.send(new JsonObject().put("type", "register").put("address", c[0])
            .put("headers", new JsonObject().put("relation", c[1])));
        JsonObject err = bridge.next();
        assertThat(err.getString("body")).as(c[1]).isEqualTo("access_denied");
      }
      bridge.send(new JsonObject().put("type", "register").put("address", "changes.Thing")
          .put("headers", new JsonObject().put("relation", "Shelf.1.things")));
      bridge.sync();
      api.post("/api/Things", new JsonObject().put("name", "u").put("shelfId", 1));
      JsonObject frame = bridge.next();
      assertThat(frame.getJsonObject("body").getString("type")).isEqualTo("create");
      assertThat(frame.getJsonObject("body").getValue("target")).isEqualTo(2);
    }
  }
}
