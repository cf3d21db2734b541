package io.livemodel.relation;

import static io.livemodel.store.StoreFixtures.await;
import static io.livemodel.store.StoreFixtures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ApiError;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;
import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import io.livemodel.store.pg.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same includes on the memory store and on PostgreSQL, with the same data, give the same answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("include answers alike on the memory store and PostgreSQL")
class IncludeDifferentialTest {

  private final Vertx vertx = Vertx.vertx();
  private final String schema = TestPostgres.freshSchema();
  private RelationFixture memory;
  private RelationFixture pg;

  @BeforeAll
  void open() {
    memory = new RelationFixture(vertx, new MemoryStore(MemoryStoreOptions.inMemory())).withLibrary();
    pg = new RelationFixture(vertx, new PgStore(PgStoreOptions.of(TestPostgres.url(), schema))).withLibrary();
  }

  @AfterAll
  void close() {
    memory.close();
    pg.close();
    TestPostgres.dropSchema(vertx, schema);
    await(vertx.close());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Author|{\"include\":\"books\"}",
      "Author|{\"include\":[\"books\",\"profile\",\"recentBooks\"]}",
      "Author|{\"include\":{\"books\":[\"chapters\",\"author\"]},\"order\":\"name DESC\"}",
      "Author|{\"include\":{\"relation\":\"books\",\"scope\":{\"where\":{\"title\":{\"like\":\"A\"}},\"order\":\"year DESC\",\"fields\":{\"title\":true},\"include\":{\"relation\":\"chapters\",\"scope\":{\"limit\":1,\"order\":\"page DESC\"}}}}}",
      "Book|{\"include\":{\"author\":\"profile\"}}",
      "Book|{\"include\":{\"relation\":\"author\",\"scope\":{\"fields\":[\"name\"]}},\"where\":{\"year\":{\"gt\":2000}}}",
      "Chapter|{\"include\":{\"book\":{\"author\":{\"books\":\"chapters\"}}}}",
      "Physician|{\"include\":{\"patients\":\"physicians\"}}",
      "Patient|{\"include\":[\"physicians\",{\"relation\":\"physicians\",\"scope\":{\"where\":{\"name\":\"Y\"}}}]}",
      "Assembly|{\"include\":\"parts\"}",
      "Part|{\"include\":{\"assemblies\":\"parts\"}}",
      "Author|{\"include\":\"nope\"}",
      "Author|{\"include\":{\"books\":{\"author\":{\"books\":{\"author\":{\"books\":\"author\"}}}}}}",
  })
  void sameAnswer(String model, String filter) {
    Object fromMemory = answer(memory, model, filter);
    Object fromPg = answer(pg, model, filter);
    assertThat(fromPg).isEqualTo(fromMemory);
    assertThat(fromMemory.toString()).isNotEmpty();
  }

  /** The found rows as a JSON array, or the error's status and message. */
  private static Object answer(RelationFixture fx, String model, String filter) {
    try {
      return new JsonArray(await(fx.ops.find(fx.model(model), filter)));
    } catch (AssertionError e) {
      ApiError error = (ApiError) awaitFailure(fx.ops.find(fx.model(model), filter));
      return error.statusCode() + " " + error.getMessage();
    } catch (ApiError e) {
      return e.statusCode() + " " + e.getMessage();
    }
  }
}
