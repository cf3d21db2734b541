package io.livemodel.store.pg;

import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.store.WriteTx;
import io.livemodel.stream.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * One write transaction on one model, on a connection inside {@code pool.withTransaction}. The
 * model's bookkeeping row is locked first ({@link #lock}), so the id counter and change sequence are
 * read and advanced by one writer at a time, in commit order, across every node.
 *
 * <p>Not thread-safe: used by one write at a time, as {@link WriteTx} says.
 */
final class PgWriteTx implements WriteTx {

  private final SqlConnection conn;
  private final PgSchema schema;
  private final ModelDefinition model;
  private final String table;
  private final List<Change> changes = new ArrayList<>();

  PgWriteTx(SqlConnection conn, PgSchema schema, ModelDefinition model) {
    this.conn = conn;
    this.schema = schema;
    this.model = model;
    this.table = schema.table(model);
  }

  /** Locks the model's row until commit; fails if the model was not opened on this schema. */
  Future<Void> lock() {
    return conn.preparedQuery("SELECT last_id FROM " + schema.models() + " WHERE model = $1 FOR UPDATE")
        .execute(Tuple.of(model.name()))
        .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new IllegalStateException("model " + model.name() + " is not open in this store")));
  }

  @Override
  public Future<JsonObject> findById(Object id) {
    return PgQueries.findById(conn, table, model, id).recover(PgErrors::fail);
  }

  @Override
  public Future<List<JsonObject>> find(Where where) {
    return PgQueries.find(conn, table, model, where).recover(PgErrors::fail);
  }

  @Override
  public Future<JsonObject> insert(JsonObject instance) {
    PropertyDefinition idProperty = model.idProperty();
    Object id = instance.getValue(idProperty.name());
    Future<JsonObject> withId;
    if (id != null) {
      withId = advanceCounter(id).map(instance);
    } else if (idProperty.generated()) {
      withId = nextId().map(next -> instance.copy().put(idProperty.name(),
          PgSchema.numericIds(model) ? (Object) next : String.valueOf(next)));
    } else {
      return Future.failedFuture(ApiError.validation(model.name(),
          new JsonObject().put(idProperty.name(), new JsonArray().add("presence")),
          new JsonObject().put(idProperty.name(), new JsonArray().add("can't be blank"))));
    }
    return withId.compose(this::insertRow).recover(PgErrors::fail);
  }

  private Future<JsonObject> insertRow(JsonObject instance) {
    Object idParam = Documents.idParam(model, instance.getValue(model.idName()));
    if (idParam == null) {
      return Future.failedFuture(ApiError.badRequest("Invalid id for " + model.name() + ": "
          + instance.getValue(model.idName())));
    }
    return conn.preparedQuery("INSERT INTO " + table + " (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING")
        .execute(Tuple.of(idParam, instance))
        .compose(result -> result.rowCount() == 1 ? Future.succeededFuture(Documents.canonical(model, instance))
            : Future.failedFuture(PgErrors.duplicate(model.name(), model.idName())));
  }

  private Future<Long> nextId() {
    return conn.preparedQuery("UPDATE " + schema.models() + " SET last_id = last_id + 1 WHERE model = $1 RETURNING last_id")
        .execute(Tuple.of(model.name()))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** An explicit numeric id moves the counter past it, so generated ids never collide with it. */
  private Future<Void> advanceCounter(Object id) {
    Long value = Documents.counterValue(id);
    if (value == null || !PgSchema.numericIds(model)) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery("UPDATE " + schema.models() + " SET last_id = greatest(last_id, $2) WHERE model = $1")
        .execute(Tuple.of(model.name(), value))
        .mapEmpty();
  }

  @Override
  public Future<Void> update(Object id, JsonObject instance) {
    Object idParam = Documents.idParam(model, id);
    Object newId = instance.getValue(model.idName());
    JsonObject doc = newId == null ? instance.copy().put(model.idName(), id) : instance;
    Object newIdParam = newId == null ? idParam : Documents.idParam(model, newId);
    if (idParam == null || newIdParam == null) {
      return Future.failedFuture(ApiError.modelNotFound(model.name(), id));
    }
    return conn.preparedQuery("UPDATE " + table + " SET id = $2, doc = $3 WHERE id = $1")
        .execute(Tuple.of(idParam, newIdParam, doc))
        .recover(PgErrors::fail)
        .compose(result -> result.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(ApiError.modelNotFound(model.name(), id)));
  }

  @Override
  public Future<Boolean> delete(Object id) {
    Object idParam = Documents.idParam(model, id);
    if (idParam == null) {
      return Future.succeededFuture(false);
    }
    return conn.preparedQuery("DELETE FROM " + table + " WHERE id = $1")
        .execute(Tuple.of(idParam))
        .map(result -> result.rowCount() > 0)
        .recover(PgErrors::fail);
  }

  @Override
  public void emit(Change change) {
    changes.add(change);
  }

  /** Gives the emitted changes the model's next sequence numbers and logs them; last step before commit. */
  Future<List<Change>> persistChanges() {
    if (changes.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return conn.preparedQuery("UPDATE " + schema.models() + " SET last_seq = last_seq + $2 WHERE model = $1 RETURNING last_seq")
        .execute(Tuple.of(model.name(), (long) changes.size()))
        .compose(rows -> {
          long first = rows.iterator().next().getLong(0) - changes.size() + 1;
          List<Change> sequenced = new ArrayList<>(changes.size());
          List<Tuple> batch = new ArrayList<>(changes.size());
          for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i).withSeq(first + i);
            sequenced.add(change);
            batch.add(Tuple.of(model.name(), change.seq(), change.toJson()));
          }
          return conn.preparedQuery("INSERT INTO " + schema.changes() + " (model, seq, change) VALUES ($1, $2, $3)")
              .executeBatch(batch)
              .map(List.copyOf(sequenced));
        });
  }
}
