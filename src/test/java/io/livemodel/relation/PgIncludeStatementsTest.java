package io.livemodel.relation;

import static io.livemodel.relation.RelationFixture.o;
import static io.livemodel.store.StoreFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import io.livemodel.store.pg.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("include on PostgreSQL issues one statement per relation level")
class PgIncludeStatementsTest {

  private final Vertx vertx = Vertx.vertx();
  private final String schema = TestPostgres.freshSchema();

  @AfterEach
  void cleanUp() {
    TestPostgres.dropSchema(vertx, schema);
    await(vertx.close());
  }

  @Test
  @DisplayName("authors with books with chapters, over 1,000 authors: three statements (authors, books, chapters)")
  void oneStatementPerLevel() {
    PgConnectOptions real = PgConnectOptions.fromUri(TestPostgres.url());
    int authors = 1000;
    try (RelationFixture direct = new RelationFixture(vertx, new PgStore(PgStoreOptions.of(TestPostgres.url(), schema)))) {
      direct.create("Author", many(authors, i -> o("name", "a" + i)));
      direct.create("Book", many(2 * authors, i -> o("title", "b" + i).put("authorId", i / 2 + 1)));
      direct.create("Chapter", many(2 * authors, i -> o("title", "c" + i).put("bookId", i + 1)));
    }
    // the same schema read by a store whose every statement passes the counting proxy
    try (PgWireCounter counter = PgWireCounter.start(vertx, real.getHost(), real.getPort());
         RelationFixture fx = new RelationFixture(vertx, new PgStore(PgStoreOptions.of(
             "postgresql://" + real.getUser() + "@127.0.0.1:" + counter.port() + "/" + real.getDatabase(), schema)))) {

      counter.reset();
      fx.find("Author", "{\"limit\":1}");
      assertThat(counter.statements()).as("the counter sees the plain find's one statement").isEqualTo(1);

      counter.reset();
      List<JsonObject> found = fx.find("Author", "{\"include\":{\"books\":\"chapters\"}}");

      assertThat(counter.statements()).isEqualTo(3);
      assertThat(found).hasSize(authors);
      JsonObject last = found.get(authors - 1);
      assertThat(IncludeContractTest.titles(last.getJsonArray("books"))).containsExactly("b1998", "b1999");
      assertThat(IncludeContractTest.titles(last.getJsonArray("books").getJsonObject(1).getJsonArray("chapters")))
          .containsExactly("c1999");
      assertThat(found).allSatisfy(a -> assertThat(a.getJsonArray("books")).hasSize(2));
    }
  }

  private static JsonObject[] many(int n, java.util.function.IntFunction<JsonObject> item) {
    List<JsonObject> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(item.apply(i));
    }
    return out.toArray(new JsonObject[0]);
  }
}
