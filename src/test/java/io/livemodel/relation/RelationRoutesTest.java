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

@DisplayName("Relation REST routes (/api/Authors/:id/books, /api/Books/:id/author, through /rel/:fk)")
class RelationRoutesTest {

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
    post("/api/Books", "{\"title\":\"Orphan\"}");
    post("/api/Chapters", "{\"title\":\"c1\",\"bookId\":2}");
    post("/api/Physicians", "{\"name\":\"X\"}");
    post("/api/Patients", "{\"name\":\"P\"}");
    post("/api/Patients", "{\"name\":\"Q\"}");
    post("/api/Appointments", "{\"physicianId\":1,\"patientId\":1}");
  }

  private JsonObject post(String path, String json) {
    Api.Response r = api.post(path, new JsonObject(json));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonArray titles(JsonArray rows) {
    JsonArray out = new JsonArray();
    rows.forEach(r -> out.add(((JsonObject) r).getString("title")));
    return out;
  }

  @Test
  @DisplayName("GET lists the related rows with the filter (include too), /count counts them with where")
  void listAndCount() {
    assertThat(titles(api.get("/api/Authors/1/books").array())).containsExactly("A1", "A2");
    JsonArray filtered = api.get("/api/Authors/1/books?filter=" + enc("{\"where\":{\"title\":\"A2\"},\"include\":\"chapters\"}")).array();
    assertThat(filtered.getJsonObject(0).getJsonArray("chapters")).hasSize(1);
    assertThat(api.get("/api/Authors/2/books").array()).isEmpty();
    assertThat(api.get("/api/Authors/1/books/count").json()).isEqualTo(new JsonObject().put("count", 2));
    assertThat(api.get("/api/Authors/1/books/count?where=" + enc("{\"title\":\"A1\"}")).json().getInteger("count")).isEqualTo(1);
    assertThat(titles(api.get("/api/Authors/1/recentBooks").array())).isEmpty();
    JsonArray scoped = api.get("/api/Authors/1/booksWithChapters").array();
    assertThat(titles(scoped)).containsExactly("A2", "A1");
    assertThat(scoped.getJsonObject(0).getJsonArray("chapters")).hasSize(1);
  }

  @Test
  @DisplayName("POST creates with the parent's key (overriding the body's); an invalid one is a 422 that saves nothing")
  void create() {
    Api.Response created = api.post("/api/Authors/2/books", new JsonObject().put("title", "B1").put("authorId", 1));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json()).isEqualTo(new JsonObject().put("title", "B1").put("id", 4).put("authorId", 2));
    Api.Response invalid = api.post("/api/Authors/2/books", new JsonObject().put("year", 1));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(api.get("/api/Books/count").json().getInteger("count")).isEqualTo(4);
    Api.Response many = api.post("/api/Authors/2/books", new JsonArray().add(new JsonObject().put("title", "B2"))
        .add(new JsonObject()));
    assertThat(many.status()).isEqualTo(422);
    assertThat(api.get("/api/Books/count").json().getInteger("count")).isEqualTo(4);
  }

  @Test
  @DisplayName("/:fk finds, updates (never the foreign key) and deletes only the parent's own rows")
  void byFk() {
    assertThat(api.get("/api/Authors/1/books/2").json().getString("title")).isEqualTo("A2");
    Api.Response notHis = api.get("/api/Authors/2/books/1");
    assertThat(notHis.status()).isEqualTo(404);
    assertThat(notHis.error().getString("message")).isEqualTo("No instance with id 1 found for Book");
    Api.Response updated = api.put("/api/Authors/1/books/1", new JsonObject().put("year", 2000));
    assertThat(updated.json()).isEqualTo(new JsonObject().put("title", "A1").put("year", 2000).put("id", 1).put("authorId", 1));
    Api.Response moved = api.put("/api/Authors/1/books/1", new JsonObject().put("authorId", 2));
    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.error().getString("message")).isEqualTo("Cannot override foreign key authorId from 1 to 2");
    assertThat(api.delete("/api/Authors/2/books/1").status()).isEqualTo(404);
    assertThat(api.delete("/api/Authors/1/books/1").status()).isEqualTo(204);
    assertThat(api.get("/api/Authors/1/books/count").json().getInteger("count")).isEqualTo(1);
    assertThat(api.delete("/api/Authors/1/books").status()).isEqualTo(204);
    assertThat(api.get("/api/Authors/1/books/count").json().getInteger("count")).isZero();
    assertThat(api.get("/api/Books/count").json().getInteger("count")).isEqualTo(1);
  }

  @Test
  @DisplayName("belongsTo and hasOne GET ({} without a key, null for an unknown one); an unknown parent id is LoopBack's 404")
  void singleAndUnknownParent() {
    assertThat(api.get("/api/Books/1/author").json()).isEqualTo(new JsonObject().put("name", "Ann").put("id", 1));
    Api.Response none = api.get("/api/Books/3/author");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).as("LoopBack answers a missing foreign key with {}").isEqualTo("{}");
    post("/api/Books", "{\"title\":\"Lost\",\"authorId\":99}");
    Api.Response lost = api.get("/api/Books/4/author");
    assertThat(lost.status()).isEqualTo(200);
    assertThat(lost.body()).as("and an unknown one with null").isEqualTo("null");
    Api.Response noProfile = api.get("/api/Authors/2/profile");
    assertThat(noProfile.status()).isEqualTo(404);
    assertThat(noProfile.error().getString("message")).isEqualTo("No \"Profile\" instance(s) found");
    Api.Response unknown = api.get("/api/Authors/99/books");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error().getString("message")).isEqualTo("could not find a model with id 99");
    assertThat(unknown.error().getString("code")).isEqualTo("MODEL_NOT_FOUND");
    assertThat(api.get("/api/Authors/1/nope").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("through: GET lists targets, PUT/HEAD/DELETE /rel/:fk link, test and unlink")
  void through() {
    assertThat(api.get("/api/Physicians/1/patients").array()).containsExactly(new JsonObject().put("name", "P").put("id", 1));
    Api.Response linked = api.put("/api/Physicians/1/patients/rel/2", new JsonObject().put("at", "2020-01-01T00:00:00.000Z"));
    assertThat(linked.status()).isEqualTo(200);
    assertThat(linked.json().getInteger("physicianId")).isEqualTo(1);
    assertThat(linked.json().getInteger("patientId")).isEqualTo(2);
    assertThat(api.put("/api/Physicians/1/patients/rel/2", new JsonObject()).json().getInteger("id"))
        .as("linking twice gives the existing link").isEqualTo(linked.json().getInteger("id"));
    assertThat(api.head("/api/Physicians/1/patients/rel/2").status()).isEqualTo(200);
    assertThat(api.get("/api/Physicians/1/patients/count").json().getInteger("count")).isEqualTo(2);
    assertThat(api.put("/api/Physicians/1/patients/rel/99", new JsonObject()).status())
        .as("a link to a target that does not exist is made, as in LoopBack").isEqualTo(200);
    assertThat(api.get("/api/Physicians/1/patients/count").json().getInteger("count"))
        .as("count counts through rows, as LoopBack's scope on the through model").isEqualTo(3);
    assertThat(api.get("/api/Physicians/1/patients").array()).hasSize(2);
    assertThat(api.delete("/api/Physicians/1/patients/rel/99").status()).isEqualTo(204);
    assertThat(api.get("/api/Physicians/1/patients/2").json().getString("name")).isEqualTo("Q");
    assertThat(api.delete("/api/Physicians/1/patients/rel/2").status()).isEqualTo(204);
    assertThat(api.head("/api/Physicians/1/patients/rel/2").status()).isEqualTo(404);
    assertThat(api.get("/api/Physicians/1/patients/2").status()).isEqualTo(404);
    assertThat(api.get("/api/Appointments/count").json().getInteger("count")).isEqualTo(1);
  }

  @Test
  @DisplayName("hasOne: POST creates one (a second is a 409), PUT merges (never the key), DELETE removes (then 404)")
  void hasOneWrites() {
    Api.Response created = api.post("/api/Authors/2/profile", new JsonObject().put("bio", "bob").put("authorId", 1));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json()).isEqualTo(new JsonObject().put("bio", "bob").put("id", 1).put("authorId", 2));
    Api.Response second = api.post("/api/Authors/2/profile", new JsonObject());
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.error().getString("message")).isEqualTo("HasOne relation cannot create more than one instance of Profile");
    assertThat(api.put("/api/Authors/2/profile", new JsonObject().put("bio", "Bob")).json())
        .isEqualTo(new JsonObject().put("bio", "Bob").put("id", 1).put("authorId", 2));
    assertThat(api.put("/api/Authors/2/profile", new JsonObject().put("authorId", 1)).status()).isEqualTo(400);
    assertThat(api.get("/api/Authors/2/profile").json().getString("bio")).isEqualTo("Bob");
    assertThat(api.delete("/api/Authors/2/profile").status()).isEqualTo(204);
    Api.Response empty = api.delete("/api/Authors/2/profile");
    assertThat(empty.status()).isEqualTo(404);
    assertThat(empty.error().getString("message")).isEqualTo("HasOne relation profile is empty");
    assertThat(api.put("/api/Authors/2/profile", new JsonObject()).status()).isEqualTo(404);
    assertThat(api.get("/api/Profiles/count").json().getInteger("count")).isZero();
  }

  @Test
  @DisplayName("a habtm without a through model links through the implicit model, and includes")
  void implicitThrough() {
    post("/api/Articles", "{\"title\":\"t\"}");
    post("/api/Labels", "{\"code\":\"news\"}");
    Api.Response link = api.put("/api/Articles/1/labels/rel/news", new JsonObject());
    assertThat(link.json()).isEqualTo(new JsonObject().put("articleId", 1).put("labelId", "news").put("id", 1));
    JsonObject article = api.get("/api/Articles/1?filter[include]=labels").json();
    assertThat(article.getJsonArray("labels")).containsExactly(new JsonObject().put("code", "news"));
  }

  @Test
  @DisplayName("wrong key types: an id that is not a number finds nothing (404), and cannot be linked (400)")
  void wrongKeyTypes() {
    assertThat(api.get("/api/Authors/abc/books").status()).isEqualTo(404);
    assertThat(api.get("/api/Authors/1/books/abc").status()).isEqualTo(404);
    assertThat(api.put("/api/Authors/1/books/abc", new JsonObject().put("title", "x")).status()).isEqualTo(404);
    assertThat(api.head("/api/Physicians/1/patients/rel/abc").status()).isEqualTo(404);
    Api.Response link = api.put("/api/Physicians/1/patients/rel/abc", new JsonObject());
    assertThat(link.status()).isEqualTo(400);
    assertThat(link.error().getString("message")).isEqualTo("\"abc\" is not a valid Patient id for patientId");
    assertThat(api.get("/api/Appointments/count").json().getInteger("count")).isEqualTo(1);
    assertThat(api.get("/api/Authors/1/books?filter=" + enc("{\"include\":\"nope\"}")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("through /:fk: PUT updates a linked target, DELETE removes link and target; DELETE / removes the links")
  void throughByFk() {
    assertThat(api.put("/api/Physicians/1/patients/1", new JsonObject().put("name", "P2")).json())
        .isEqualTo(new JsonObject().put("name", "P2").put("id", 1));
    Api.Response notLinked = api.delete("/api/Physicians/1/patients/2");
    assertThat(notLinked.status()).isEqualTo(404);
    assertThat(notLinked.error().getString("message")).isEqualTo("No record found in Appointment for (Physician.1 ,Patient.2)");
    assertThat(api.get("/api/Physicians/1/patients/2").error().getString("message"))
        .isEqualTo("No relation found in Appointment for (Physician.1,Patient.2)");
    api.put("/api/Physicians/1/patients/rel/2", null);
    assertThat(api.delete("/api/Physicians/1/patients/2").status()).isEqualTo(204);
    assertThat(api.get("/api/Patients/2").status()).isEqualTo(404);
    assertThat(api.get("/api/Appointments/count").json().getInteger("count")).isEqualTo(1);
    assertThat(api.delete("/api/Physicians/1/patients").status()).isEqualTo(204);
    assertThat(api.get("/api/Appointments/count").json().getInteger("count")).isZero();
    assertThat(api.get("/api/Patients/count").json().getInteger("count")).as("targets stay").isEqualTo(1);
  }

  @Test
  @DisplayName("POST on a through relation creates the target and the link; a link that fails undoes the target")
  void throughCreate() {
    Api.Response created = api.post("/api/Physicians/1/patients", new JsonObject().put("name", "Z"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json()).isEqualTo(new JsonObject().put("name", "Z").put("id", 3));
    assertThat(api.get("/api/Physicians/1/patients").array()).extracting(p -> ((JsonObject) p).getString("name"))
        .containsExactly("P", "Z");

    post("/api/Clubs", "{\"name\":\"chess\"}");
    Api.Response refused = api.post("/api/Clubs/1/members", new JsonObject().put("name", "M"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error().getString("message")).contains("clubId");
    assertThat(api.get("/api/Members/count").json().getInteger("count")).as("no orphan target").isZero();
    assertThat(api.get("/api/Memberships/count").json().getInteger("count")).isZero();
    Api.Response invalid = api.post("/api/Physicians/1/patients", new JsonArray().add(new JsonObject()).add("x"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(api.get("/api/Appointments/count").json().getInteger("count")).isEqualTo(2);
    assertThat(api.get("/api/Patients/count").json().getInteger("count")).isEqualTo(3);
  }
}
