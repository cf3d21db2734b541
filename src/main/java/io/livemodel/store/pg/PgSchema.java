package io.livemodel.store.pg;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyType;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The tables of one schema, and their creation at open (like LoopBack's autoupdate: idempotent,
 * never drops or alters data, safe when several nodes open at once thanks to an advisory lock).
 *
 * <p>Layout, chosen so that a model needs no migration when its properties change:
 * <ul>
 *   <li>one table per model, named after the model: {@code id} (numeric for number ids, so explicit
 *       fractional or large ids work too; text {@code COLLATE "C"} otherwise, ordered by code point) as
 *       the primary key, which gives id lookups and the default id order; and {@code doc jsonb}, the
 *       whole instance, id included. A GIN {@code jsonb_path_ops} index on {@code doc} serves equality
 *       on declared properties (see {@link WhereSql}); expression indexes per property are not created
 *       because property paths are bind parameters, which PostgreSQL cannot match to an index
 *       expression.</li>
 *   <li>{@code livemodel_models(model, last_id, last_seq)}: the id counter and change sequence per
 *       model. A write locks its model's row first, which serializes writers of a model across every
 *       node until commit, so ids and sequences are assigned in commit order.</li>
 *   <li>{@code livemodel_changes(model, seq, change, at)}: the change log, written in the same
 *       transaction as the data.</li>
 *   <li>{@code livemodel_store(id)}: one row, the store's identity, a random UUID written when the
 *       schema is first created; clustered nodes compare it to refuse a node on another store.</li>
 * </ul>
 * jsonb does not keep key order; instances are put back in canonical order when read
 * ({@link Documents#canonical}). Where that would not give the order written (undeclared keys, or a
 * nested object's keys, not in jsonb's order: {@link Documents#keyOrderSurvives}), the row also keeps
 * the instance as written in {@code src json} (json keeps text as it is), which reads return;
 * queries, indexes and ordering use {@code doc} alone. {@code livemodel_changes.src} does the same for
 * a change. Tables of older versions get the column at start-up; their rows have none and read in
 * jsonb's order.
 */
final class PgSchema {

  private final String schema;

  PgSchema(String schemaName) {
    this.schema = quote(schemaName);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  String table(ModelDefinition model) {
    return schema + "." + quote(model.name());
  }

  String models() {
    return schema + ".livemodel_models";
  }

  String changes() {
    return schema + ".livemodel_changes";
  }

  String identity() {
    return schema + ".livemodel_store";
  }

  static boolean numericIds(ModelDefinition model) {
    return model.idProperty().type() == PropertyType.NUMBER;
  }

  /** Checks that every model can have a table of its own; throws IllegalArgumentException if not. */
  static void validate(Collection<ModelDefinition> models) {
    for (ModelDefinition model : models) {
      String name = model.name();
      if (name.isEmpty() || name.indexOf('\0') >= 0 || name.getBytes(StandardCharsets.UTF_8).length > 63) {
        throw new IllegalArgumentException("model name \"" + name + "\" cannot be a PostgreSQL table name "
            + "(1 to 63 bytes, no NUL)");
      }
      if (name.toLowerCase().startsWith("livemodel_")) {
        throw new IllegalArgumentException("model name \"" + name + "\" is reserved (livemodel_ prefix)");
      }
    }
  }

  /** Creates what is missing, in one transaction holding the schema's advisory lock. */
  Future<Void> create(Pool pool, String schemaName, Collection<ModelDefinition> models) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT set_config('statement_timeout', '60s', true), pg_advisory_xact_lock(hashtext($1))")
        .execute(Tuple.of("livemodel:" + schemaName))
        .compose(r -> run(conn, "CREATE SCHEMA IF NOT EXISTS " + schema))
        .compose(v -> run(conn, "CREATE TABLE IF NOT EXISTS " + models()
            + " (model text PRIMARY KEY, last_id bigint NOT NULL DEFAULT 0, last_seq bigint NOT NULL DEFAULT 0)"))
        .compose(v -> run(conn, "CREATE TABLE IF NOT EXISTS " + changes()
            + " (model text NOT NULL, seq bigint NOT NULL, change jsonb NOT NULL,"
            + " at timestamptz NOT NULL DEFAULT now(), src json, PRIMARY KEY (model, seq))"))
        .compose(v -> addSrcIfMissing(conn, schemaName, "livemodel_changes", changes()))
        .compose(v -> run(conn, "CREATE TABLE IF NOT EXISTS " + identity()
            + " (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), id text NOT NULL)"))
        .compose(v -> run(conn, "INSERT INTO " + identity() + " (id) VALUES (gen_random_uuid()::text)"
            + " ON CONFLICT DO NOTHING"))
        .compose(v -> createModels(conn, schemaName, List.copyOf(models), 0)));
  }

  private Future<Void> createModels(SqlConnection conn, String schemaName, List<ModelDefinition> models, int index) {
    if (index == models.size()) {
      return Future.succeededFuture();
    }
    ModelDefinition model = models.get(index);
    String idType = numericIds(model) ? "numeric" : "text COLLATE \"C\"";
    return run(conn, "CREATE TABLE IF NOT EXISTS " + table(model) + " (id " + idType + " PRIMARY KEY, doc jsonb NOT NULL,"
            + " src json)")
        .compose(v -> checkIdType(conn, schemaName, model, numericIds(model) ? "numeric" : "text"))
        .compose(v -> addSrcIfMissing(conn, schemaName, model.name(), table(model)))
        .compose(v -> conn.preparedQuery("INSERT INTO " + models() + " (model) VALUES ($1) ON CONFLICT DO NOTHING")
            .execute(Tuple.of(model.name())))
        .compose(r -> createModels(conn, schemaName, models, index + 1));
  }

  /** A table created earlier with another id type is reported, never altered. */
  private Future<Void> checkIdType(SqlConnection conn, String schemaName, ModelDefinition model, String expected) {
    return conn.preparedQuery("SELECT data_type FROM information_schema.columns"
            + " WHERE table_schema = $1 AND table_name = $2 AND column_name = 'id'")
        .execute(Tuple.of(schemaName, model.name()))
        .compose(rows -> {
          for (Row row : rows) {
            if (!expected.equals(row.getString(0))) {
              return Future.failedFuture(new IllegalStateException("table " + table(model) + " has an id of type "
                  + row.getString(0) + " but model " + model.name() + " needs " + expected
                  + "; migrate or drop the table"));
            }
          }
          return Future.succeededFuture();
        });
  }

  /**
   * Adds the {@code src} column to a table an older version created without it (its rows keep no
   * text as written: they read in jsonb's order). Looked up first: {@code ADD COLUMN IF NOT EXISTS}
   * would take the table's exclusive lock at every start.
   */
  private static Future<Void> addSrcIfMissing(SqlConnection conn, String schemaName, String tableName, String table) {
    return conn.preparedQuery("SELECT 1 FROM information_schema.columns"
            + " WHERE table_schema = $1 AND table_name = $2 AND column_name = 'src'")
        .execute(Tuple.of(schemaName, tableName))
        .compose(rows -> rows.size() > 0 ? Future.<Void>succeededFuture()
            : run(conn, "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS src json"));
  }

  private static Future<Void> run(SqlConnection conn, String sql) {
    return conn.query(sql).execute().mapEmpty();
  }
}
