package io.livemodel.store.pg;

import io.livemodel.store.Store;
import io.livemodel.store.StoreContractTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("PgStore meets the Store contract")
class PgStoreContractTest extends StoreContractTest {

  private final List<String> schemas = new ArrayList<>();

  @Override
  protected Store createStore() {
    String schema = TestPostgres.freshSchema();
    schemas.add(schema);
    return new PgStore(PgStoreOptions.of(TestPostgres.url(), schema));
  }

  @AfterEach
  void dropSchemas() {
    schemas.forEach(schema -> TestPostgres.dropSchema(vertx, schema));
  }
}
