package io.livemodel.store.pg;

import io.livemodel.config.Retention;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL side of the {@link io.livemodel.store.ChangeLog}: reads and trims the
 * {@code livemodel_changes} table. Retention is applied when a write logs its
 * changes (in the write's transaction, so the log never holds more than {@code maxChanges} per model
 * after a commit), and the age limit again when reading, so expired entries are never answered.
 */
final class PgChangeTable {

  private final PgSchema schema;
  private final Retention retention;

  PgChangeTable(PgSchema schema, Retention retention) {
    this.schema = schema;
    this.retention = retention;
  }

  private String fresh(String alias) {
    return "($3 = 0 OR " + alias + ".at >= now() - make_interval(secs => $3))";
  }

  Future<ChangeLog.Page> after(SqlClient client, ModelDefinition model, long afterSeq, int max) {
    String bounds = "SELECT m.last_seq, (SELECT min(c.seq) FROM " + schema.changes() + " c WHERE c.model = $1 AND "
        + fresh("c") + ") FROM " + schema.models() + " m WHERE m.model = $1 AND $2::bigint IS NOT NULL";
    Tuple args = Tuple.of(model.name(), afterSeq, (double) retention.maxAgeSeconds());
    return client.preparedQuery(bounds).execute(args).compose(rows -> {
      Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
      long latest = row == null ? 0 : row.getLong(0);
      long oldest = row == null || row.getLong(1) == null ? 0 : row.getLong(1);
      if (max <= 0 || afterSeq >= latest) {
        return Future.succeededFuture(new ChangeLog.Page(List.of(), oldest, latest));
      }
      String page = "SELECT c.seq, CASE WHEN c.src IS NULL THEN c.change END, c.src FROM " + schema.changes() + " c WHERE c.model = $1 AND c.seq > $2 AND "
          + fresh("c") + " ORDER BY c.seq LIMIT $4";
      return client.preparedQuery(page).execute(args.addLong((long) max))
          .map(changes -> new ChangeLog.Page(toChanges(model, changes), oldest, latest));
    });
  }

  /** Drops what retention no longer keeps; runs in the write's transaction after its changes are logged. */
  /**
   * Gives the changes of a transaction's writes, in write order, the model's next sequence numbers,
   * logs them and trims the log to its retention; the last step before commit. Returns each write's
   * changes, sequenced.
   */
  Future<List<List<Change>>> append(SqlConnection conn, ModelDefinition model, List<List<Change>> writes) {
    int count = writes.stream().mapToInt(List::size).sum();
    if (count == 0) {
      return Future.succeededFuture(writes.stream().map(w -> List.<Change>of()).toList());
    }
    return conn.preparedQuery("UPDATE " + schema.models() + " SET last_seq = last_seq + $2 WHERE model = $1 RETURNING last_seq")
        .execute(Tuple.of(model.name(), (long) count))
        .compose(rows -> {
          long latest = rows.iterator().next().getLong(0);
          long seq = latest - count + 1;
          List<List<Change>> sequenced = new ArrayList<>(writes.size());
          List<Tuple> batch = new ArrayList<>(count);
          for (List<Change> emitted : writes) {
            List<Change> own = new ArrayList<>(emitted.size());
            for (Change change : emitted) {
              Change numbered = change.withSeq(seq++);
              own.add(numbered);
              JsonObject json = numbered.toLogJson();
              // the change as written where jsonb would lose its data's key order (rows are never updated)
              boolean kept = numbered.data() == null || Documents.keyOrderSurvives(model, numbered.data());
              batch.add(Tuple.of(model.name(), numbered.seq(), json, kept ? null : json));
            }
            sequenced.add(List.copyOf(own));
          }
          return conn.preparedQuery("INSERT INTO " + schema.changes() + " (model, seq, change, src) VALUES ($1, $2, $3, $4)")
              .executeBatch(batch)
              .compose(r -> trim(conn, model, latest))
              .map(sequenced);
        });
  }

  private Future<Void> trim(SqlClient client, ModelDefinition model, long latestSeq) {
    String sql = "DELETE FROM " + schema.changes() + " c WHERE c.model = $1 AND (c.seq <= $2 OR NOT " + fresh("c") + ")";
    return client.preparedQuery(sql)
        .execute(Tuple.of(model.name(), latestSeq - retention.maxChanges(), (double) retention.maxAgeSeconds()))
        .mapEmpty();
  }

  private static List<Change> toChanges(ModelDefinition model, Iterable<Row> rows) {
    List<Change> out = new ArrayList<>();
    for (Row row : rows) {
      JsonObject src = row.getJsonObject(2);
      Change change = Change.fromLogJson(model.name(), src != null ? src : row.getJsonObject(1), row.getLong(0));
      // jsonb keeps its own key order: give the instance LoopBack's order back (src is the change as written).
      JsonObject data = change.data() == null ? null
          : src != null ? Documents.fromRow(model, null, change.data()) : Documents.canonical(model, change.data());
      out.add(new Change(change.model(), change.type(), change.target(), change.where(), data, change.seq(),
          change.before()));
    }
    return out;
  }
}
