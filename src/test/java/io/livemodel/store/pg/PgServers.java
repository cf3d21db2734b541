package io.livemodel.store.pg;

import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import java.time.Duration;

/** Test servers on the PostgreSQL store, each in a fresh schema that is dropped when the server closes. */
public final class PgServers {

  private PgServers() {
  }

  public static TestServer.Builder builder() {
    return builder(TestPostgres.freshSchema());
  }

  /** A test server on PostgreSQL in this (fresh) schema, e.g. for rows a test writes with SQL. */
  public static TestServer.Builder builder(String schema) {
    return TestServer.builder()
        .store(retention -> new PgStore(new PgStoreOptions(TestPostgres.url(), 4, Duration.ofSeconds(5), schema), retention))
        .onClose(() -> {
          Vertx vertx = Vertx.vertx();
          try {
            TestPostgres.dropSchema(vertx, schema);
          } finally {
            vertx.close().await();
          }
        });
  }
}
