package io.livemodel.store.pg;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Committed;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A PgStore on a fresh schema: subclasses call {@link #openStore()} and {@link #closeStore()} per test or
 * per class.
 */
abstract class PgStoreTestBase {

  protected final ModelDefinition note = PgFixtures.note();
  protected final ModelDefinition myModel = PgFixtures.myModel();
  protected final ModelDefinition tag = PgFixtures.tag();
  protected Vertx vertx;
  protected String schema;
  protected PgStore store;

  protected void openStore() {
    vertx = Vertx.vertx();
    schema = TestPostgres.freshSchema();
    store = newStore(Duration.ofSeconds(5));
    store.open(vertx, List.of(note, myModel, tag)).await();
  }

  protected void closeStore() {
    store.close().await();
    TestPostgres.dropSchema(vertx, schema);
    vertx.close().await();
  }

  protected PgStore newStore(Duration statementTimeout) {
    return new PgStore(new PgStoreOptions(TestPostgres.url(), 4, statementTimeout, schema));
  }

  /** Inserts instances in one transaction, emitting a create change for each; returns them as stored. */
  protected List<JsonObject> insert(ModelDefinition model, JsonObject... instances) {
    Committed<List<JsonObject>> committed = store.write(model, tx -> {
      List<JsonObject> stored = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject instance : instances) {
        chain = chain.compose(v -> tx.insert(instance)).map(s -> {
          stored.add(s);
          tx.emit(new Change(model.name(), Change.CREATE, s.getValue(model.idName()), null, s, 0));
          return null;
        });
      }
      return chain.map(stored);
    }).await();
    return committed.value();
  }
}
