package io.livemodel.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.QueryConfig;
import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #13: the include limits come from the {@code query} config section. A server started with
 * lowered limits (depth 2, 3 related rows, 1 key per related query) answers past them with a 400
 * naming the key, on both stores, and still answers within them.
 */
@DisplayName("query.maxIncludeDepth, maxIncludedRows and includeInqLimit, lowered, on a real server")
class IncludeLimitsTest {

  private static final QueryConfig LOWERED = QueryConfig.defaults().withIncludeLimits(2, 3, 1);

  @Nested
  @DisplayName("memory store")
  class Memory extends Limits {
    @Override
    TestServer.Builder builder() {
      return TestServer.builder();
    }
  }

  @Nested
  @DisplayName("PostgreSQL store")
  class Postgres extends Limits {
    @Override
    TestServer.Builder builder() {
      return PgServers.builder();
    }
  }

  abstract static class Limits {

    abstract TestServer.Builder builder();

    @RegisterExtension
    final LiveModelExtension live = LiveModelExtension.with(() -> builder().models(RelationFixture.MODELS).query(LOWERED));

    private Api api;

    /** Ann has two books (the second with a chapter), Bob two; physician X sees patients P and Q. */
    @BeforeEach
    void seed() {
      api = live.api();
      post("/api/Authors", "{\"name\":\"Ann\"}");
      post("/api/Authors", "{\"name\":\"Bob\"}");
      post("/api/Books", "{\"title\":\"A1\",\"authorId\":1}");
      post("/api/Books", "{\"title\":\"A2\",\"authorId\":1}");
      post("/api/Books", "{\"title\":\"B1\",\"authorId\":2}");
      post("/api/Books", "{\"title\":\"B2\",\"authorId\":2}");
      post("/api/Chapters", "{\"title\":\"c1\",\"bookId\":2}");
      post("/api/Physicians", "{\"name\":\"X\"}");
      post("/api/Patients", "{\"name\":\"P\"}");
      post("/api/Patients", "{\"name\":\"Q\"}");
      post("/api/Appointments", "{\"physicianId\":1,\"patientId\":1}");
      post("/api/Appointments", "{\"physicianId\":1,\"patientId\":2}");
    }

    private void post(String path, String json) {
      Api.Response r = api.post(path, new JsonObject(json));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Api.Response find(String path, String filter) {
      return api.get(path + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }

    private static void assertBadRequest(Api.Response response, String message) {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.error().getInteger("statusCode")).isEqualTo(400);
      assertThat(response.error().getString("name")).isEqualTo("Error");
      assertThat(response.error().getString("message")).isEqualTo(message);
    }

    @Test
    @DisplayName("depth 2 runs; depth 3 is a 400 naming query.maxIncludeDepth, on find and on a relation route")
    void depth() {
      Api.Response two = find("/api/Authors/1", "{\"include\":{\"books\":\"chapters\"}}");
      assertThat(two.status()).as(two.body()).isEqualTo(200);
      assertThat(two.json().getJsonArray("books").getJsonObject(1).getJsonArray("chapters")).hasSize(1);

      assertBadRequest(find("/api/Authors", "{\"include\":{\"books\":{\"chapters\":\"book\"}}}"),
          "The include is nested deeper than 2 levels (query.maxIncludeDepth; at relation \"book\" of Chapter)");
      assertBadRequest(find("/api/Authors/1/books", "{\"include\":{\"chapters\":{\"book\":\"author\"}}}"),
          "The include is nested deeper than 2 levels (query.maxIncludeDepth; at relation \"author\" of Book)");
    }

    @Test
    @DisplayName("3 related rows run; 4 (books, or through rows plus targets) are a 400 naming query.maxIncludedRows")
    void rows() {
      String tooMany = "The include fetches more than 3 related rows (query.maxIncludedRows); narrow the query or "
          + "give the included relations a scope with a limit";
      Api.Response ann = find("/api/Authors", "{\"where\":{\"name\":\"Ann\"},\"include\":{\"books\":\"chapters\"}}");
      assertThat(ann.status()).as(ann.body()).isEqualTo(200);
      assertThat(ann.array().getJsonObject(0).getJsonArray("books")).hasSize(2);

      assertBadRequest(find("/api/Authors", "{\"include\":\"books\"}"), tooMany);
      assertBadRequest(find("/api/Physicians/1", "{\"include\":\"patients\"}"), tooMany);
      Api.Response limited = find("/api/Authors",
          "{\"include\":{\"relation\":\"books\",\"scope\":{\"where\":{\"title\":{\"like\":\"%1\"}}}}}");
      assertThat(limited.status()).as("a scope that narrows the rows: " + limited.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("one key per related query still attaches every parent's rows (the keys are split)")
    void inqLimit() {
      JsonArray books = find("/api/Books", "{\"where\":{\"title\":{\"inq\":[\"A1\",\"B1\"]}},\"include\":\"author\","
          + "\"order\":\"id ASC\"}").array();
      assertThat(books).extracting(b -> ((JsonObject) b).getJsonObject("author").getString("name"))
          .containsExactly("Ann", "Bob");
    }
  }
}
