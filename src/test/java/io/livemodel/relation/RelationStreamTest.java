package io.livemodel.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Relation change streams: /api/Authors/:id/books/change-stream (beyond LoopBack)")
class RelationStreamTest {

  /** The server under test; a subclass runs the same on PostgreSQL. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> builder().models(RelationFixture.MODELS));

  private Api api;

  @BeforeEach
  void start() {
    api = live.api();
    post("/api/Authors", "{\"name\":\"Ann\"}");
    post("/api/Authors", "{\"name\":\"Bob\"}");
    post("/api/Books", "{\"title\":\"A1\",\"year\":2005,\"authorId\":1}");  // book 1
    post("/api/Books", "{\"title\":\"B1\",\"year\":2006,\"authorId\":2}");  // book 2
  }

  private JsonObject post(String path, String json) {
    Api.Response r = api.post(path, new JsonObject(json));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private void patch(String path, String json) {
    Api.Response r = api.patch(path, new JsonObject(json));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private void delete(String path) {
    Api.Response r = api.delete(path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getInteger("count")).isEqualTo(1);
  }

  private SseClient stream(String path, String... headers) {
    SseClient sse = live.sse(path, headers);
    assertThat(sse.status()).as(sse.raw()).isEqualTo(200);
    sse.awaitRaw(":ok");
    return sse;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonObject remove(int id) {
    return new JsonObject().put("target", id).put("where", new JsonObject().put("id", id)).put("type", "remove");
  }

  /** Type and target of each event, e.g. {@code create 3}. */
  private static List<String> summary(List<SseEvent> events) {
    return events.stream().map(e -> e.json().getString("type") + " " + e.json().getValue("target")).toList();
  }

  @Test
  @DisplayName("an author's stream gets creates, updates and removes of its books only; a moved book is a remove there and a create on the new author's stream")
  void membership() {
    SseClient ann = stream("/api/Authors/1/books/change-stream");
    SseClient bob = stream("/api/Authors/2/books/change-stream?_format=event-stream");
    SseClient books = stream("/api/Books/change-stream");

    post("/api/Books", "{\"title\":\"A2\",\"year\":2010,\"authorId\":1}");   // 3: Ann's
    post("/api/Books", "{\"title\":\"B2\",\"year\":2011,\"authorId\":2}");   // 4: Bob's
    post("/api/Books", "{\"title\":\"Orphan\"}");                             // 5: nobody's
    patch("/api/Books/1", "{\"title\":\"A1 revised\"}");                      // Ann's update
    patch("/api/Books/1", "{\"authorId\":2}");                                // moves from Ann to Bob
    delete("/api/Books/4");                                                   // Bob's delete
    delete("/api/Books/5");                                                   // nobody's delete
    delete("/api/Books/3");                                                   // Ann's delete
    post("/api/Authors/1/books", "{\"title\":\"A3\"}");                      // 6: Ann's, via the relation route
    post("/api/Books", "{\"title\":\"B3\",\"authorId\":2}");                 // 7: Bob's

    List<SseEvent> annEvents = ann.next(5);
    assertThat(summary(annEvents)).containsExactly("create 3", "update 1", "remove 1", "remove 3", "create 6");
    assertThat(annEvents.get(1).json().getJsonObject("data").getString("title")).isEqualTo("A1 revised");
    assertThat(annEvents.get(2).json()).as("the move, in LoopBack's remove shape").isEqualTo(remove(1));
    assertThat(annEvents.get(2).data()).isEqualTo("{\"target\":1,\"where\":{\"id\":1},\"type\":\"remove\"}");
    assertThat(annEvents.get(4).json().getJsonObject("data").getInteger("authorId")).isEqualTo(1);

    List<SseEvent> bobEvents = bob.next(4);
    assertThat(summary(bobEvents)).as("the book moved in is new to Bob's stream: a create")
        .containsExactly("create 4", "create 1", "remove 4", "create 7");
    assertThat(bobEvents.get(1).json().getJsonObject("data").getInteger("authorId")).isEqualTo(2);

    List<SseEvent> all = books.next(10);
    assertThat(summary(all)).containsExactly("create 3", "create 4", "create 5", "update 1", "update 1",
        "remove 4", "remove 5", "remove 3", "create 6", "create 7");
    assertThat(annEvents.get(3).data()).as("a delete is the model stream's own remove event, byte for byte")
        .isEqualTo(all.get(7).data());
    assertThat(annEvents.get(3).id()).isEqualTo(all.get(7).id());
    assertThat(annEvents.get(2).id()).as("the move keeps the update's sequence number").isEqualTo(all.get(4).id());

    assertThat(ann.next(300, TimeUnit.MILLISECONDS)).as("nothing more for Ann").isNull();
    assertThat(bob.next(300, TimeUnit.MILLISECONDS)).as("nothing more for Bob").isNull();
  }

  @Test
  @DisplayName("a relation's scope.where is part of membership: a book falling out of recentBooks (year < 2000) is a remove")
  void scopeWhere() {
    SseClient recent = stream("/api/Authors/1/recentBooks/change-stream");
    post("/api/Books", "{\"title\":\"old\",\"year\":1990,\"authorId\":1}");    // 3: not recent
    patch("/api/Books/1", "{\"year\":1995}");                                  // 1 leaves recentBooks
    patch("/api/Books/3", "{\"year\":2020}");                                  // 3 enters: a create
    patch("/api/Books/1", "{\"title\":\"still old\"}");                        // 1 stays out
    delete("/api/Books/1");                                                    // not a member: nothing
    delete("/api/Books/3");                                                    // a member: remove
    assertThat(summary(recent.next(3))).containsExactly("remove 1", "create 3", "remove 3");
    assertThat(recent.next(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  @DisplayName("options.where narrows a relation stream (GET query and POST body); a member leaving the relation is still a remove")
  void clientOptions() {
    SseClient titled = stream("/api/Authors/1/books/change-stream?options=" + enc("{\"where\":{\"title\":{\"like\":\"keep%\"}}}"));
    SseClient posted = live.sse(HttpMethod.POST, "/api/Authors/1/books/change-stream",
        Buffer.buffer("{\"options\":{\"where\":{\"year\":{\"gt\":2000}},\"fields\":{\"title\":true}}}"),
        "Content-Type", "application/json");
    posted.awaitRaw(":ok");
    post("/api/Books", "{\"title\":\"drop me\",\"year\":1999,\"authorId\":1}");  // 3
    post("/api/Books", "{\"title\":\"keep me\",\"year\":2001,\"authorId\":1}");  // 4
    post("/api/Books", "{\"title\":\"keep too\",\"year\":2001,\"authorId\":2}"); // 5: Bob's
    patch("/api/Books/4", "{\"authorId\":2}");                                   // 4 leaves Ann
    assertThat(summary(titled.next(2))).containsExactly("create 4", "remove 4");
    List<SseEvent> narrowed = posted.next(2);
    assertThat(summary(narrowed)).containsExactly("create 4", "remove 4");
    assertThat(narrowed.get(0).json().getJsonObject("data")).as("fields: LoopBack's {}").isEqualTo(new JsonObject());
    assertThat(titled.next(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  @DisplayName("Last-Event-ID on a relation stream replays exactly the missed in-scope changes, a move away as a remove, then goes live")
  void resume() {
    String lastSeen;
    try (SseClient first = stream("/api/Authors/1/books/change-stream")) {
      post("/api/Books", "{\"title\":\"A2\",\"authorId\":1}");                  // 3
      SseEvent created = first.next();
      assertThat(summary(List.of(created))).containsExactly("create 3");
      lastSeen = created.id();
    }
    patch("/api/Books/3", "{\"title\":\"A2 revised\"}");                        // missed: update 3
    post("/api/Books", "{\"title\":\"B2\",\"authorId\":2}");                    // 4: Bob's
    patch("/api/Books/1", "{\"authorId\":2}");                                  // missed: remove 1
    delete("/api/Books/4");                                                     // Bob's
    patch("/api/Books/2", "{\"title\":\"B1 revised\"}");                        // Bob's
    post("/api/Books", "{\"title\":\"A3\",\"authorId\":1}");                    // missed: create 5

    SseClient resumed = live.sse("/api/Authors/1/books/change-stream", "Last-Event-ID", lastSeen);
    List<SseEvent> replayed = resumed.next(3);
    assertThat(summary(replayed)).containsExactly("update 3", "remove 1", "create 5");
    assertThat(replayed.get(1).json()).isEqualTo(remove(1));
    assertThat(replayed).extracting(SseEvent::id).isSorted();
    post("/api/Books", "{\"title\":\"A4\",\"authorId\":1}");                    // live: create 6
    assertThat(summary(List.of(resumed.next()))).containsExactly("create 6");
    assertThat(resumed.next(300, TimeUnit.MILLISECONDS)).isNull();

    SseClient byQuery = live.sse("/api/Authors/2/books/change-stream?lastEventId=" + lastSeen);
    assertThat(summary(byQuery.next(4))).as("Bob's missed changes, the moved book included")
        .containsExactly("create 4", "create 1", "remove 4", "update 2");
  }

  @Test
  @DisplayName("bad input: unknown or non-numeric parent is the relation route's 404, a relation that is not hasMany a 404 saying so, malformed options a 400")
  void badInput() {
    for (String id : List.of("999", "abc")) {
      Api.Response list = api.get("/api/Authors/" + id + "/books");
      Api.Response stream = api.get("/api/Authors/" + id + "/books/change-stream", "Accept", "text/event-stream");
      assertThat(list.status()).isEqualTo(404);
      assertThat(stream.status()).isEqualTo(404);
      assertThat(stream.error()).isEqualTo(list.error());
      assertThat(stream.error().getString("message")).isEqualTo("could not find a model with id " + id);
    }

    Api.Response belongsTo = api.get("/api/Books/1/author/change-stream");
    assertThat(belongsTo.status()).isEqualTo(404);
    assertThat(belongsTo.error().getString("message"))
        .contains("change streams are served for hasMany relations").contains("author is a belongsTo relation");
    Api.Response hasOne = api.post("/api/Authors/1/profile/change-stream", new JsonObject());
    assertThat(hasOne.status()).isEqualTo(404);
    assertThat(hasOne.error().getString("message")).contains("profile is a hasOne relation");
    Api.Response through = api.get("/api/Physicians/1/patients/change-stream");
    assertThat(through.status()).isEqualTo(404);
    assertThat(through.error().getString("message")).contains("patients is a hasMany through Appointment relation");

    for (String options : List.of("{\"where\":", "{\"where\":\"title\"}", "{\"where\":{\"and\":\"x\"}}", "[1]")) {
      Api.Response malformed = api.get("/api/Authors/1/books/change-stream?options=" + enc(options),
          "Accept", "text/event-stream");
      assertThat(malformed.status()).as(options + ": " + malformed.body()).isEqualTo(400);
      assertThat(malformed.error().getInteger("statusCode")).isEqualTo(400);
    }
    Api.Response badPost = api.post("/api/Authors/1/books/change-stream", "{\"options\":{\"where\":{\"or\":{}}}}",
        "Accept", "text/event-stream");
    assertThat(badPost.status()).as(badPost.body()).isEqualTo(400);
    Api.Response badResume = api.get("/api/Authors/1/books/change-stream", "Accept", "text/event-stream",
        "Last-Event-ID", "x");
    assertThat(badResume.status()).isEqualTo(400);

    // The server still streams afterwards.
    SseClient ann = stream("/api/Authors/1/books/change-stream");
    post("/api/Books", "{\"title\":\"A2\",\"authorId\":1}");
    assertThat(summary(List.of(ann.next()))).containsExactly("create 3");
  }

  @Test
  @DisplayName("the JSON-lines form (Accept: application/json) carries the same relation changes, a move as a remove")
  void jsonLines() {
    SseClient lines = live.sse(HttpMethod.POST, "/api/Authors/1/books/change-stream", null, "Accept", "application/json");
    assertThat(lines.header("Content-Type")).isEqualTo("application/json; boundary=NL");
    lines.awaitRaw("\"new\"");
    patch("/api/Books/2", "{\"title\":\"B1 revised\"}");   // Bob's
    patch("/api/Books/1", "{\"authorId\":2}");               // moves away from Ann
    lines.awaitRaw("\"remove\"}]\n");
    String[] rows = lines.raw().split("\n");
    assertThat(rows).hasSize(2);
    assertThat(new io.vertx.core.json.JsonArray(rows[1]).getJsonObject(2)).isEqualTo(remove(1));
  }
}
