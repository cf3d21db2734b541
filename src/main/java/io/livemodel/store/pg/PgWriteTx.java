package io.livemodel.store.pg;

import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.store.WriteTx;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * One write on one model, inside a database transaction that {@link GroupCommit} may share among
 * several writes of that model. The transaction locks the model's bookkeeping row first (the first
 * write's {@link #lock}), so the id counter and change sequence are read and advanced by one writer
 * at a time, in commit order, across every node. The emitted changes are sequenced and logged by
 * {@link PgChangeTable#append} before commit.
 *
 * <p>Used by one write at a time, as {@link WriteTx} says; {@link #finish} may come from the
 * connection's context, hence the volatile flag.
 */
final class PgWriteTx implements WriteTx {

  private final SqlConnection conn;
  private final PgSchema schema;
  private final ModelDefinition model;
  private final String table;
  private final PgChangeTable log;
  private final List<Change> changes = new ArrayList<>();
  private volatile boolean finished;

  PgWriteTx(SqlConnection conn, PgSchema schema, PgChangeTable log, ModelDefinition model) {
    this.conn = conn;
    this.log = log;
    this.schema = schema;
    this.model = model;
    this.table = schema.table(model);
  }

  /** Locks the model's row until commit; fails if the model was not opened on this schema. */
  Future<Void> lock() {
    return run("SELECT last_id FROM " + schema.models() + " WHERE model = $1 FOR UPDATE", Tuple.of(model.name()))
        .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new IllegalStateException("model " + model.name() + " is not open in this store")));
  }

  @Override
  public Future<JsonObject> findById(Object id) {
    return finished ? ended() : PgQueries.findById(conn, table, model, id).recover(PgErrors::fail);
  }

  @Override
  public Future<List<JsonObject>> find(Where where) {
    return finished ? ended() : PgQueries.find(conn, table, model, where).recover(PgErrors::fail);
  }

  /**
   * Ends the transaction before its COMMIT or ROLLBACK is sent: statements a work issues afterwards
   * (e.g. the second step of an insert it did not wait for) fail instead of running outside it.
   */
  void finish() {
    finished = true;
  }

  private Future<RowSet<Row>> run(String sql, Tuple args) {
    return finished ? ended() : conn.preparedQuery(sql).execute(args);
  }

  private static <T> Future<T> ended() {
    return Future.failedFuture(new IllegalStateException("the write transaction has ended"));
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
      return Future.failedFuture(ApiError.missingId(model.name(), idProperty.name()));
    }
    return withId.compose(this::insertRow).recover(PgErrors::fail);
  }

  private Future<JsonObject> insertRow(JsonObject instance) {
    Object idParam = Documents.idParam(model, instance.getValue(model.idName()));
    if (idParam == null) {
      return Future.failedFuture(ApiError.badRequest("Invalid id for " + model.name() + ": "
          + instance.getValue(model.idName())));
    }
    return run("INSERT INTO " + table + " (id, doc, src) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        Tuple.of(idParam, instance, src(instance)))
        .compose(result -> result.rowCount() == 1 ? Future.succeededFuture(Documents.canonical(model, instance))
            : Future.failedFuture(ApiError.duplicateId(model.name(), model.idName())));
  }

  /** The {@code src} column of a row: the instance as written where jsonb would lose its key order, else null. */
  private Object src(JsonObject instance) {
    return Documents.keyOrderSurvives(model, instance) ? null : instance;
  }

  private Future<Long> nextId() {
    return run("UPDATE " + schema.models() + " SET last_id = last_id + 1 WHERE model = $1 RETURNING last_id",
        Tuple.of(model.name()))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** An explicit numeric id moves the counter past it, so generated ids never collide with it. */
  private Future<Void> advanceCounter(Object id) {
    Long value = Documents.counterValue(id);
    if (value == null || !PgSchema.numericIds(model)) {
      return Future.succeededFuture();
    }
    return run("UPDATE " + schema.models() + " SET last_id = greatest(last_id, $2) WHERE model = $1",
        Tuple.of(model.name(), value))
        .mapEmpty();
  }

  /** Replaces an existing instance; 404 if there is none, 400 if the instance carries another id. */
  @Override
  public Future<Void> update(Object id, JsonObject instance) {
    Object idParam = Documents.idParam(model, id);
    if (idParam == null) {
      return Future.failedFuture(ApiError.modelNotFound(model.name(), id));
    }
    Object bodyId = instance.getValue(model.idName());
    if (bodyId != null && !Documents.sameId(model, id, bodyId)) {
      return Future.failedFuture(ApiError.badRequest("id cannot be updated from " + id + " to " + bodyId));
    }
    JsonObject doc = bodyId == null ? instance.copy().put(model.idName(), id) : instance;
    return run("UPDATE " + table + " SET doc = $2, src = $3 WHERE id = $1", Tuple.of(idParam, doc, src(doc)))
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
    return run("DELETE FROM " + table + " WHERE id = $1", Tuple.of(idParam))
        .map(result -> result.rowCount() > 0)
        .recover(PgErrors::fail);
  }

  @Override
  public void emit(Change change) {
    if (finished) {
      throw new IllegalStateException("the write transaction has ended");
    }
    changes.add(change);
  }

  /** The changes the work emitted, in order, without sequence numbers yet. */
  List<Change> changes() {
    return changes;
  }
}
