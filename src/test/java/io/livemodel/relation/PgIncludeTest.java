package io.livemodel.relation;

import io.livemodel.store.Store;
import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import io.livemodel.store.pg.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("include on PostgreSQL")
class PgIncludeTest extends IncludeContractTest {

  private final String schema = TestPostgres.freshSchema();

  @Override
  protected Store createStore() {
    return new PgStore(PgStoreOptions.of(TestPostgres.url(), schema));
  }

  @AfterAll
  void dropSchema() {
    TestPostgres.dropSchema(vertx, schema);
  }
}
