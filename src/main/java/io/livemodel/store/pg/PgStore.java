package io.livemodel.store.pg;

import io.livemodel.config.Retention;
import io.livemodel.filter.Filter;
import io.livemodel.filter.QueryLimits;
import io.livemodel.filter.Where;
import io.livemodel.limits.ClientKey;
import io.livemodel.limits.ClientShare;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.Committed;
import io.livemodel.store.Store;
import io.livemodel.store.WriteTx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The PostgreSQL {@link Store}: one table per model holding each instance as jsonb, a per-model
 * bookkeeping row that serializes writers cluster-wide, and a change log written in the write's
 * transaction (layout in {@link PgSchema}, query semantics in {@link WhereSql} and {@link OrderSql}).
 * Writes of a model that arrive while one of its transactions is in flight share the next one
 * ({@link GroupCommit}).
 *
 * <p>Failures reach callers as {@link io.livemodel.model.ApiError}s ({@link PgErrors}): an unreachable
 * or lost database gives 503 {@code STORE_UNAVAILABLE}, a full pool 503 {@code STORE_BUSY}, quickly (connect and pool-wait limits in
 * {@link PgStoreOptions}), and the pool opens new connections by itself once the database is back.
 *
 * <p>Reads made for a client ({@link ClientKey}, bound by the HTTP layer to the client's address) hold
 * or wait for at most {@link PgStoreOptions#maxConnectionsPerClient()} pooled connections at once; the
 * client's further reads queue behind its own ({@link ClientShare}), and past
 * {@link PgStoreOptions#MAX_QUEUED_PER_CLIENT} waiting, or {@link PgStoreOptions#POOL_WAIT_TIMEOUT} of
 * waiting, fail with 429 {@code TOO_MANY_REQUESTS}. So one
 * client's expensive reads cannot take the whole pool from the others. Writes are not counted: they
 * are serialized per model ({@link GroupCommit}), so they hold at most one connection per model.
 *
 * <p>Thread-safe: every method may be called from any event loop.
 */
public final class PgStore implements Store {

  private final PgStoreOptions options;
  private final PgSchema schema;
  private final PgChangeTable changeLog;
  private volatile GroupCommit groupCommit;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Pool pool;
  private final ClientShare share;

  public PgStore(PgStoreOptions options) {
    this(options, Retention.DEFAULT);
  }

  /** A store that keeps this much change history per model for resuming clients. */
  public PgStore(PgStoreOptions options, Retention retention) {
    this.options = Objects.requireNonNull(options, "options");
    this.schema = new PgSchema(options.schemaName());
    this.changeLog = new PgChangeTable(schema, Objects.requireNonNull(retention, "retention"));
    int perClient = options.maxConnectionsPerClient();
    this.share = new ClientShare(perClient, PgStoreOptions.MAX_QUEUED_PER_CLIENT,
        PgStoreOptions.POOL_WAIT_TIMEOUT.toMillis(), () -> overShare(perClient));
  }

  /** 429: the client holds its whole share of the pool and has as many reads queued as it may. */
  private static ApiError overShare(int perClient) {
    return new ApiError(429, "TooManyRequestsError", "Too many database reads in progress from this client "
        + "(store.postgres.maxConnectionsPerClient: " + perClient + "); retry later", "TOO_MANY_REQUESTS", null)
        .retryAfter(1);
  }

  /** Runs a read within the current client's share of the pool. */
  private <T> Future<T> shared(Supplier<Future<T>> read) {
    return share.run(ClientKey.current(), read);
  }

  /** Clients with reads holding or waiting for connections (tests check it for leaks). */
  public int clientsInPool() {
    return share.clients();
  }

  /** Reads of {@code client} holding or waiting for a pooled connection (at most its share). */
  public int readsInPool(String client) {
    return share.running(client);
  }

  /** The {@code application_name} of this store's connections, e.g. for {@code pg_stat_activity}. */
  public String applicationName() {
    return "livemodel/" + options.schemaName();
  }

  @Override
  public Future<Void> open(Vertx vertx, Collection<ModelDefinition> definitions) {
    try {
      PgSchema.validate(definitions);
      Pool built = PgBuilder.pool()
          .with(poolOptions())
          .with(new NetClientOptions().setConnectTimeout((int) PgStoreOptions.CONNECT_TIMEOUT.toMillis()))
          .connectingTo(connectOptions())
          .using(vertx)
          .build();
      groupCommit = new GroupCommit(vertx, built, schema, changeLog, options.statementTimeout().toMillis());
      pool = built;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return schema.create(pool, options.schemaName(), definitions).recover(PgErrors::fail);
  }

  private PoolOptions poolOptions() {
    return new PoolOptions()
        .setMaxSize(options.poolSize())
        .setConnectionTimeout((int) PgStoreOptions.POOL_WAIT_TIMEOUT.toMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxWaitQueueSize(PgStoreOptions.MAX_WAIT_QUEUE);
  }

  private PgConnectOptions connectOptions() {
    PgConnectOptions connect = PgConnectOptions.fromUri(options.url());
    connect.setCachePreparedStatements(true);
    connect.addProperty("application_name", applicationName());
    connect.addProperty("statement_timeout", Long.toString(options.statementTimeout().toMillis()));
    return connect;
  }

  @Override
  public Future<List<JsonObject>> find(ModelDefinition model, Filter filter) {
    Filter f = filter == null ? Filter.ALL : filter;
    if (QueryLimits.usesPattern(f.where())) {
      return shared(() -> ready().compose(p -> PatternQueries.run(p, options.statementTimeout().toMillis(),
          c -> PgQueries.find(c, schema.table(model), model, f))));
    }
    return shared(() -> ready().compose(p -> PgQueries.find(p, schema.table(model), model, f)).recover(PgErrors::fail));
  }

  @Override
  public Future<JsonObject> findById(ModelDefinition model, Object id) {
    return shared(() -> ready().compose(p -> PgQueries.findById(p, schema.table(model), model, id)).recover(PgErrors::fail));
  }

  @Override
  public Future<Long> count(ModelDefinition model, Where where) {
    if (QueryLimits.usesPattern(where)) {
      return shared(() -> ready().compose(p -> PatternQueries.run(p, options.statementTimeout().toMillis(),
          c -> PgQueries.count(c, schema.table(model), where))));
    }
    return shared(() -> ready().compose(p -> PgQueries.count(p, schema.table(model), where)).recover(PgErrors::fail));
  }

  @Override
  public <T> Future<Committed<T>> write(ModelDefinition model, Function<WriteTx, Future<T>> work) {
    return ready().compose(p -> groupCommit.submit(model, work)).recover(PgErrors::fail);
  }

  @Override
  public Future<ChangeLog.Page> changesAfter(ModelDefinition model, long afterSeq, int max) {
    return shared(() -> ready().compose(p -> changeLog.after(p, model, afterSeq, max)).recover(PgErrors::fail));
  }

  /** The pool, or a 503 when the store is not open or closed. */
  private Future<Pool> ready() {
    Pool current = pool;
    if (closed.get()) {
      return Future.failedFuture(PgErrors.unavailable("The store is closed"));
    }
    if (current == null) {
      return Future.failedFuture(PgErrors.unavailable("The store is not open"));
    }
    return Future.succeededFuture(current);
  }

  /** Write transactions begun so far (group commit runs many writes in one). */
  long writeTransactions() {
    return groupCommit == null ? 0 : groupCommit.transactions();
  }

  /** The pool, for tests in this package that need raw statements. */
  Pool pool() {
    return pool;
  }

  @Override
  public Future<String> identity() {
    return ready().compose(p -> p.query("SELECT id FROM " + schema.identity()).execute())
        .map(rows -> rows.iterator().next().getString(0))
        .recover(PgErrors::fail);
  }

  @Override
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true) || pool == null) {
      return Future.succeededFuture();
    }
    return pool.close();
  }
}
