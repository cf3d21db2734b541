package io.livemodel.store.pg;

import io.livemodel.filter.Filter;
import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** The read statements, shared by the pool (plain reads) and a write transaction's connection. */
final class PgQueries {

  /**
   * A row's instance as two columns, one of them null: {@code src} (the text as written) when the row
   * keeps it and it still matches {@code doc} (a node of an older version updates {@code doc} only), else
   * {@code doc} ({@link Documents#fromRow}). The comparison runs only for rows that keep a {@code src}.
   */
  static final String INSTANCE = "CASE WHEN src IS NOT NULL AND src::jsonb = doc THEN NULL ELSE doc END,"
      + " CASE WHEN src IS NOT NULL AND src::jsonb = doc THEN src END";

  private PgQueries() {
  }

  static Future<JsonObject> findById(SqlClient client, String table, ModelDefinition model, Object id) {
    Object idParam = Documents.idParam(model, id);
    if (idParam == null) {
      return Future.succeededFuture(null);
    }
    return client.preparedQuery("SELECT " + INSTANCE + " FROM " + table + " WHERE id = $1")
        .execute(Tuple.of(idParam))
        .map(rows -> {
          List<JsonObject> docs = docs(model, rows);
          return docs.isEmpty() ? null : docs.get(0);
        });
  }

  /** Every instance matching {@code where}, in id order. */
  static Future<List<JsonObject>> find(SqlClient client, String table, ModelDefinition model, Where where) {
    return find(client, table, model, new Filter(where, List.of(), 0, 0, null));
  }

  static Future<List<JsonObject>> find(SqlClient client, String table, ModelDefinition model, Filter filter) {
    try {
      return runFind(client, table, model, filter);
    } catch (ApiError e) {
      return Future.failedFuture(e);
    }
  }

  private static Future<List<JsonObject>> runFind(SqlClient client, String table, ModelDefinition model, Filter filter) {
    SqlParams params = new SqlParams();
    StringBuilder sql = new StringBuilder("SELECT ").append(INSTANCE).append(" FROM ").append(table)
        .append(" WHERE ").append(new WhereSql(params).compile(filter.where(), "doc"))
        .append(" ORDER BY ").append(OrderSql.compile(filter.order(), "doc", "id", params));
    if (filter.limit() > 0) {
      sql.append(" LIMIT ").append(params.add((long) filter.limit(), "bigint"));
    }
    if (filter.skip() > 0) {
      sql.append(" OFFSET ").append(params.add((long) filter.skip(), "bigint"));
    }
    return client.preparedQuery(sql.toString()).execute(params.tuple())
        .map(rows -> {
          List<JsonObject> docs = docs(model, rows);
          if (filter.fields() != null) {
            docs.replaceAll(filter.fields()::project);
          }
          return docs;
        });
  }

  static Future<Long> count(SqlClient client, String table, Where where) {
    SqlParams params = new SqlParams();
    String sql;
    try {
      sql = "SELECT count(*) FROM " + table + " WHERE " + new WhereSql(params).compile(where, "doc");
    } catch (ApiError e) {
      return Future.failedFuture(e);
    }
    return client.preparedQuery(sql).execute(params.tuple())
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static List<JsonObject> docs(ModelDefinition model, RowSet<Row> rows) {
    List<JsonObject> docs = new ArrayList<>(rows.size());
    for (Row row : rows) {
      docs.add(Documents.fromRow(model, row.getJsonObject(0), row.getJsonObject(1)));
    }
    return docs;
  }
}
