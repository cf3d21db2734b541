package io.livemodel.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("include over REST: find, findById, findOne, bracket syntax, XML, 400 for unknown relations")
class IncludeRestTest {

  /** The server under test; a subclass runs the same on PostgreSQL. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(() -> builder().models(RelationFixture.MODELS));

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
    post("/api/Authors", "{\"name\":\"Ann\"}");
    post("/api/Authors", "{\"name\":\"Bob\"}");
    post("/api/Books", "{\"title\":\"A1\",\"authorId\":1}");
    post("/api/Books", "{\"title\":\"A2\",\"authorId\":1}");
    post("/api/Chapters", "{\"title\":\"c1\",\"bookId\":2}");
    post("/api/Physicians", "{\"name\":\"X\"}");
    post("/api/Patients", "{\"name\":\"P\"}");
    post("/api/Appointments", "{\"physicianId\":1,\"patientId\":1}");
  }

  private void post(String path, String json) {
    Api.Response r = api.post(path, new JsonObject(json));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("GET /api/Authors with filter include, JSON and bracket syntax, gives each author its books")
  void find() {
    JsonArray authors = api.get("/api/Authors?filter=" + enc("{\"include\":{\"books\":\"chapters\"}}")).array();
    assertThat(authors.getJsonObject(0).getJsonArray("books").getJsonObject(1))
        .isEqualTo(new JsonObject().put("title", "A2").put("id", 2).put("authorId", 1)
            .put("chapters", new JsonArray().add(new JsonObject().put("title", "c1").put("id", 1).put("bookId", 2))));
    assertThat(authors.getJsonObject(1).getJsonArray("books")).isEmpty();
    JsonArray bracket = api.get("/api/Authors?filter[include]=books&filter[where][name]=Ann").array();
    assertThat(bracket.getJsonObject(0).getJsonArray("books")).hasSize(2);
  }

  @Test
  @DisplayName("findById, findOne and through relations include too")
  void singleAndThrough() {
    JsonObject book = api.get("/api/Books/1?filter=" + enc("{\"include\":\"author\"}")).json();
    assertThat(book.getJsonObject("author")).isEqualTo(new JsonObject().put("name", "Ann").put("id", 1));
    JsonObject one = api.get("/api/Books/findOne?filter=" + enc("{\"where\":{\"title\":\"A2\"},\"include\":[\"author\",\"chapters\"]}")).json();
    assertThat(one.getJsonArray("chapters")).hasSize(1);
    JsonObject physician = api.get("/api/Physicians/1?filter[include]=patients").json();
    assertThat(physician.getJsonArray("patients")).containsExactly(new JsonObject().put("name", "P").put("id", 1));
  }

  @Test
  @DisplayName("the XML format carries the included rows")
  void xml() {
    Api.Response xml = api.get("/api/Authors/1?_format=xml&filter[include]=books");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.body()).contains("<books>").contains("A2");
  }

  @Test
  @DisplayName("an unknown relation is a 400 naming it; a cycle past the depth limit is a 400")
  void errors() {
    Api.Response unknown = api.get("/api/Authors?filter[include]=nope");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error().getString("message")).isEqualTo("Relation \"nope\" is not defined for Author model");
    Api.Response deep = api.get("/api/Authors?filter=" + enc(
        "{\"include\":{\"books\":{\"author\":{\"books\":{\"author\":{\"books\":{\"author\":\"books\"}}}}}}}"));
    assertThat(deep.status()).isEqualTo(400);
    assertThat(deep.error().getString("message")).contains("nested deeper than 5 levels");
  }
}
