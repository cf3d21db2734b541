package io.livemodel.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #13, "bad input for relations": include cycles, 50-deep includes, unknown relations, wrong key
 * types and through-model conflicts each get a 4xx with a message that names the problem, and a
 * related create that fails leaves no row behind, on a real server over both stores. Where LoopBack 3
 * answers a 4xx the status is LoopBack's (recorded in lb-apps/relations-app); where it answers 500 the
 * 4xx is a deviation listed in README's "How LiveModel differs".
 */
@DisplayName("Bad input on relations: a 4xx with a clear message, and nothing half-written")
class RelationBadInputTest {

  /** Course and Student linked through Enrollment, whose own property {@code term} is required. */
  static final Path MODELS = Path.of("src/test/resources/relation-bad-input-models");

  /** Every model the relation writes below touch: their counts must not move on a failed write. */
  private static final List<String> COUNTED = List.of("Authors", "Books", "Profiles", "Physicians", "Patients",
      "Appointments", "Courses", "Students", "Enrollments");

  @Nested
  @DisplayName("memory store")
  class Memory extends BadInput {
    @Override
    TestServer.Builder builder() {
      return TestServer.builder();
    }
  }

  @Nested
  @DisplayName("PostgreSQL store")
  class Postgres extends BadInput {
    @Override
    TestServer.Builder builder() {
      return PgServers.builder();
    }
  }

  abstract static class BadInput {

    abstract TestServer.Builder builder();

    @RegisterExtension
    final LiveModelExtension live = LiveModelExtension.with(() -> builder().models(RelationFixture.MODELS, MODELS));

    private Api api;

    /** Ann (1) with books A1, A2; Bob (2) with none; physician X sees patient P; course Maths, student Sam. */
    @BeforeEach
    void seed() {
      api = live.api();
      post("/api/Authors", "{\"name\":\"Ann\"}");
      post("/api/Authors", "{\"name\":\"Bob\"}");
      post("/api/Books", "{\"title\":\"A1\",\"authorId\":1}");
      post("/api/Books", "{\"title\":\"A2\",\"authorId\":1}");
      post("/api/Physicians", "{\"name\":\"X\"}");
      post("/api/Patients", "{\"name\":\"P\"}");
      post("/api/Appointments", "{\"physicianId\":1,\"patientId\":1}");
      post("/api/Courses", "{\"name\":\"Maths\"}");
      post("/api/Students", "{\"name\":\"Sam\"}");
    }

    private void post(String path, String json) {
      Api.Response r = api.post(path, new JsonObject(json));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String filter(String json) {
      return "?filter=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    /** The number of rows of each counted model, read through REST. */
    private Map<String, Integer> counts() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String plural : COUNTED) {
        Api.Response r = api.get("/api/" + plural + "/count");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        counts.put(plural, r.json().getInteger("count"));
      }
      return counts;
    }

    private static void assertError(Api.Response response, int status, String name, String message) {
      assertThat(response.status()).as(response.body()).isEqualTo(status);
      JsonObject error = response.error();
      assertThat(error.getInteger("statusCode")).isEqualTo(status);
      assertThat(error.getString("name")).isEqualTo(name);
      assertThat(error.getString("message")).isEqualTo(message);
    }

    /** {@code {"books":{"author":{"books":...}}}} with {@code levels} relation names, Author first. */
    private static String cycle(int levels) {
      String include = "true";
      for (int level = levels; level >= 1; level--) {
        include = "{\"" + (level % 2 == 1 ? "books" : "author") + "\":" + include + "}";
      }
      return include;
    }

    @Test
    @DisplayName("an include cycle runs within the depth limit (as in LoopBack); 6 and 50 levels are a 400 naming the limit, "
        + "on find, findById, findOne and a relation route")
    void includeCycles() {
      Api.Response withinLimit = api.get("/api/Authors/1" + filter("{\"include\":" + cycle(5) + "}"));
      assertThat(withinLimit.status()).as(withinLimit.body()).isEqualTo(200);
      assertThat(withinLimit.json().getJsonArray("books").getJsonObject(0).getJsonObject("author").getString("name"))
          .isEqualTo("Ann");

      String tooDeep = "The include is nested deeper than 5 levels (query.maxIncludeDepth; at relation \"author\" of Book)";
      for (String path : List.of("/api/Authors", "/api/Authors/1", "/api/Authors/findOne")) {
        assertError(api.get(path + filter("{\"include\":" + cycle(6) + "}")), 400, "Error", tooDeep);
        assertError(api.get(path + filter("{\"include\":" + cycle(20) + "}")), 400, "Error", tooDeep);
        // 50 levels: juggler's own guard on the filter object (maxDepthOfQuery 32), before any relation is read
        Api.Response fifty = api.get(path + filter("{\"include\":" + cycle(50) + "}"));
        assertError(fifty, 400, "Error", "The query object exceeds maximum depth 32");
        assertThat(fifty.error().getString("code")).isEqualTo("QUERY_OBJECT_TOO_DEEP");
      }
      String fromBook = cycle(21).replaceFirst("\\{\"books\":", "").replaceFirst("}$", "");
      assertError(api.get("/api/Authors/1/books" + filter("{\"include\":" + fromBook + "}")), 400, "Error",
          "The include is nested deeper than 5 levels (query.maxIncludeDepth; at relation \"books\" of Author)");
    }

    @Test
    @DisplayName("an include of a property, of an unknown name, or of a relation of the wrong model is a 400 naming it "
        + "(LoopBack: 500)")
    void includeOfANonRelation() {
      assertError(api.get("/api/Authors" + filter("{\"include\":\"name\"}")), 400, "Error",
          "Relation \"name\" is not defined for Author model");
      assertError(api.get("/api/Authors/1" + filter("{\"include\":{\"books\":\"title\"}}")), 400, "Error",
          "Relation \"title\" is not defined for Book model");
      assertError(api.get("/api/Authors" + filter("{\"include\":{\"relation\":\"patients\"}}")), 400, "Error",
          "Relation \"patients\" is not defined for Author model");
      assertError(api.get("/api/Authors/1/books" + filter("{\"include\":[\"chapters\",\"nope\"]}")), 400, "Error",
          "Relation \"nope\" is not defined for Book model");
      assertError(api.get("/api/Authors" + filter("{\"include\":{\"relation\":\"books\",\"scope\":\"x\"}}")), 400,
          "Error", "The scope of the included relation \"books\" must be an object");
    }

    @Test
    @DisplayName("an include scope with a bad where, order, limit or regexp is a 400 naming it")
    void badIncludeScopes() {
      String books = "{\"include\":{\"relation\":\"books\",\"scope\":%s}}";
      assertError(api.get("/api/Authors" + filter(books.formatted("{\"where\":\"x\"}"))), 400, "Error",
          "The where clause \"x\" is not an object");
      assertError(api.get("/api/Authors" + filter(books.formatted("{\"order\":5}"))), 400, "Error",
          "The order 5 is not valid");
      assertError(api.get("/api/Authors" + filter(books.formatted("{\"limit\":\"abc\"}"))), 400, "Error",
          "The limit parameter \"abc\" is not valid");
      assertError(api.get("/api/Authors" + filter(books.formatted("{\"where\":{\"title\":{\"regexp\":\"[\"}}}"))),
          400, "Error", "Invalid regular expression: /[/: missing closing ]");
    }

    @Test
    @DisplayName("a relation write whose body is not an object (or not an array of objects) is a 400 and writes nothing")
    void bodiesThatAreNotObjects() {
      Map<String, Integer> before = counts();
      String notBook = "Value is not an object: the request body for Book must be a JSON object";
      assertError(api.post("/api/Authors/1/books", "\"x\""), 400, "Error", notBook);
      assertError(api.post("/api/Authors/1/books", 5), 400, "Error", notBook);
      assertError(api.put("/api/Authors/1/books/1", new JsonArray().add(1)), 400, "Error", notBook);
      assertError(api.post("/api/Authors/1/books", new JsonArray().add(new JsonObject().put("title", "ok"))
          .add(new JsonArray().add(1))), 400, "Error", "Value is not an object: array items must be JSON objects, not [1]");
      assertError(api.post("/api/Authors/1/profile", "\"x\""), 400, "Error",
          "Value is not an object: the request body for Profile must be a JSON object");
      assertError(api.put("/api/Courses/1/students/rel/1", new JsonArray()), 400, "Error",
          "Value is not an object: the request body for Enrollment must be a JSON object");
      assertError(api.post("/api/Courses/1/students", new JsonArray().add(new JsonObject().put("name", "a")).add("x")),
          400, "Error", "Value is not an object: array items must be JSON objects, not x");
      assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("a parent id of the wrong type (/api/Authors/abc/books) is LoopBack's 404 for GET, POST, count and PUT "
        + "rel, and writes nothing")
    void wrongParentKeyType() {
      Map<String, Integer> before = counts();
      String notFound = "could not find a model with id abc";
      for (Api.Response response : List.of(
          api.get("/api/Authors/abc/books"),
          api.get("/api/Authors/abc/books/count"),
          api.post("/api/Authors/abc/books", new JsonObject().put("title", "T")),
          api.post("/api/Authors/abc/profile", new JsonObject().put("bio", "b")),
          api.put("/api/Physicians/abc/patients/rel/1", new JsonObject()),
          api.post("/api/Courses/abc/students", new JsonObject().put("name", "S")))) {
        assertError(response, 404, "Error", notFound);
        assertThat(response.error().getString("code")).isEqualTo("MODEL_NOT_FOUND");
      }
      assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("a related id of the wrong type in the path: a through target is a 400 (LoopBack stores the text), "
        + "a hasMany target LoopBack's 404; nothing is written")
    void wrongKeyTypes() {
      Map<String, Integer> before = counts();
      assertError(api.put("/api/Courses/1/students/rel/abc", new JsonObject().put("term", "fall")), 400, "Error",
          "\"abc\" is not a valid Student id for studentId");
      assertError(api.get("/api/Authors/1/books/abc"), 404, "Error", "No instance with id abc found for Book");
      assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("PUT rel twice gives the first link (as juggler's findOrCreate) and makes one through row")
    void linkTwice() {
      Api.Response first = api.put("/api/Courses/1/students/rel/1", new JsonObject().put("term", "fall"));
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(first.json()).isEqualTo(new JsonObject().put("term", "fall").put("courseId", 1).put("studentId", 1)
          .put("id", 1));
      Api.Response second = api.put("/api/Courses/1/students/rel/1", new JsonObject().put("term", "spring"));
      assertThat(second.status()).as(second.body()).isEqualTo(200);
      assertThat(second.json()).as("the existing link, unchanged").isEqualTo(first.json());
      assertThat(api.get("/api/Enrollments/count").json().getInteger("count")).isEqualTo(1);
      assertThat(api.get("/api/Courses/1/students").array())
          .containsExactly(new JsonObject().put("name", "Sam").put("id", 1));
    }

    @Test
    @DisplayName("PUT rel without the through model's required property is its 422 ValidationError, and no link is made")
    void linkMissingThroughProperty() {
      Map<String, Integer> before = counts();
      String invalid = "The `Enrollment` instance is not valid. Details: `term` can't be blank (value: undefined).";
      assertError(api.put("/api/Courses/1/students/rel/1", new JsonObject()), 422, "ValidationError", invalid);
      assertError(api.put("/api/Courses/1/students/rel/1", null), 422, "ValidationError", invalid);
      assertThat(api.head("/api/Courses/1/students/rel/1").status()).isEqualTo(404);
      assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("a related create that fails validation leaves no row in any model: hasMany, hasOne, through (target "
        + "invalid, or link invalid after the target was made), one and several at once")
    void failedCreatesLeaveNothing() {
      Map<String, Integer> before = counts();
      String noTitle = "The `Book` instance is not valid. Details: `title` can't be blank (value: undefined).";
      assertError(api.post("/api/Authors/1/books", new JsonObject().put("year", 1)), 422, "ValidationError", noTitle);
      Api.Response many = api.post("/api/Authors/1/books", new JsonArray().add(new JsonObject().put("title", "ok"))
          .add(new JsonObject().put("year", 2)));
      assertThat(many.status()).as(many.body()).isEqualTo(422);
      assertThat(many.error().getString("name")).isEqualTo("ValidationError");

      String noName = "The `Student` instance is not valid. Details: `name` can't be blank (value: undefined).";
      assertError(api.post("/api/Courses/1/students", new JsonObject()), 422, "ValidationError", noName);
      String noTerm = "The `Enrollment` instance is not valid. Details: `term` can't be blank (value: undefined).";
      assertError(api.post("/api/Courses/1/students", new JsonObject().put("name", "Sue")), 422, "ValidationError",
          noTerm);
      assertError(api.post("/api/Courses/1/students", new JsonArray().add(new JsonObject().put("name", "S1"))
          .add(new JsonObject().put("name", "S2"))), 422, "ValidationError", noTerm);
      assertError(api.post("/api/Physicians/1/patients", new JsonArray().add(new JsonObject()).add("x")), 400, "Error",
          "Value is not an object: array items must be JSON objects, not x");

      post("/api/Authors/2/profile", "{\"bio\":\"bob\"}");
      Api.Response second = api.post("/api/Authors/2/profile", new JsonObject().put("bio", "again"));
      assertError(second, 409, "Error", "HasOne relation cannot create more than one instance of Profile");

      Map<String, Integer> after = counts();
      after.merge("Profiles", -1, Integer::sum);
      assertThat(after).as("only the one valid profile was written").isEqualTo(before);
    }
  }
}
