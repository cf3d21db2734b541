package io.livemodel.store.memory;

import io.livemodel.config.Retention;
import io.livemodel.filter.Filter;
import io.livemodel.filter.QueryLimits;
import io.livemodel.filter.Where;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.Committed;
import io.livemodel.store.Store;
import io.livemodel.store.WriteTx;
import io.livemodel.store.Change;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The embedded store: every model in memory ({@link ModelState}), optionally persisted in an
 * append-only {@link Journal} that is replayed on {@link #open}.
 *
 * <p>Reads run on the caller's thread without waiting for writes, except scans with patterns or long
 * value lists, which run on the query workers ({@link QueryWorkers}) over a consistent copy; every
 * scan stops at {@code query.timeoutMs} with 503 {@code QUERY_TOO_EXPENSIVE} ({@link ScanDeadline}).
 * Reads return the stored instances themselves (or projected copies): callers must not modify them.
 *
 * <p>Writes of a model run one at a time in submission order, the work on the caller's context. At the
 * end of the work, the transaction is applied to memory, the model's queue moves on to the next
 * transaction, and the returned future completes once the transaction's record is in the journal
 * (group-committed by the journal's writer thread). A following transaction may therefore read data
 * whose record is still being written; since records are written in order, a crash can only lose a
 * suffix of transactions, none of which was reported as committed.
 */
public final class MemoryStore implements Store {

  private final String identity = java.util.UUID.randomUUID().toString();

  private final MemoryStoreOptions options;
  private final Map<String, ModelState> states = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Vertx vertx;
  private volatile Journal journal;
  private volatile QueryWorkers queryWorkers;

  private final Retention retention;

  public MemoryStore(MemoryStoreOptions options) {
    this(options, Retention.DEFAULT);
  }

  /** A store that keeps this much change history per model for resuming clients. */
  public MemoryStore(MemoryStoreOptions options, Retention retention) {
    this.options = Objects.requireNonNull(options, "options");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public Future<ChangeLog.Page> changesAfter(ModelDefinition model, long afterSeq, int max) {
    try {
      ModelState state = state(model);
      return Future.succeededFuture(state.history().after(afterSeq, max, state.seq()));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<Void> open(Vertx vertx, Collection<ModelDefinition> models) {
    this.vertx = vertx;
    this.queryWorkers = new QueryWorkers(vertx);
    for (ModelDefinition model : models) {
      states.computeIfAbsent(model.name(), name -> new ModelState(name, model.idName(), retention));
    }
    if (options.journalDirectory() == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      journal = Journal.open(options.journalDirectory(), options, this::replay, this::snapshots);
      return null;
    });
  }

  /**
   * Scans whose where clause is {@linkplain QueryLimits#expensive expensive} run on the query workers
   * over a consistent copy of the instances; others run here. Both stop at {@code query.timeoutMs}.
   */
  @Override
  public Future<List<JsonObject>> find(ModelDefinition model, Filter filter) {
    try {
      ModelState state = state(model);
      ScanDeadline deadline = ScanDeadline.start();
      if (filter == null || !offLoop(filter.where())) {
        return Future.succeededFuture(state.find(filter, deadline));
      }
      List<JsonObject> values = state.values();
      return queryWorkers.executor().executeBlocking(() -> ModelState.find(values, filter, deadline), false);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<JsonObject> findById(ModelDefinition model, Object id) {
    try {
      ModelState state = state(model);
      return Future.succeededFuture(id == null ? null : state.get(id));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<Long> count(ModelDefinition model, Where where) {
    try {
      ModelState state = state(model);
      ScanDeadline deadline = ScanDeadline.start();
      if (!offLoop(where)) {
        return Future.succeededFuture(state.count(where, deadline));
      }
      List<JsonObject> values = state.values();
      return queryWorkers.executor().executeBlocking(() -> ModelState.count(values, where, deadline), false);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private boolean offLoop(Where where) {
    return vertx != null && QueryLimits.expensive(where);
  }

  @Override
  public <T> Future<Committed<T>> write(ModelDefinition model, Function<WriteTx, Future<T>> work) {
    ModelState state;
    try {
      state = state(model);
      checkOpen();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Context context = vertx.getOrCreateContext();
    Promise<Committed<T>> promise = Promise.promise();
    state.queue().submit(() -> context.runOnContext(v -> run(model, state, work, context, promise)));
    return promise.future();
  }

  /** An embedded store is its own: a random identity per instance (a node on it never clusters). */
  @Override
  public Future<String> identity() {
    return Future.succeededFuture(identity);
  }

  @Override
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    if (queryWorkers != null) {
      queryWorkers.close();
    }
    Journal j = journal;
    if (j == null) {
      return Future.succeededFuture();
    }
    return Future.fromCompletionStage(j.close(), vertx.getOrCreateContext());
  }

  private <T> void run(ModelDefinition model, ModelState state, Function<WriteTx, Future<T>> work,
                       Context context, Promise<Committed<T>> promise) {
    MemoryWriteTx tx = new MemoryWriteTx(model, state);
    Future<T> result;
    try {
      result = Objects.requireNonNull(work.apply(tx), "the work of a write returned no future");
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      tx.finish();
      if (ar.failed()) {
        state.queue().done();
        complete(context, promise, ar.cause(), null);
      } else {
        commit(state, tx, ar.result(), context, promise);
      }
    });
  }

  /** Applies the transaction, hands the model's queue to the next one, and completes once journaled. */
  private <T> void commit(ModelState state, MemoryWriteTx tx, T value, Context context,
                          Promise<Committed<T>> promise) {
    List<Change> changes = tx.sequencedChanges();
    Map<Object, JsonObject> puts = tx.puts();
    List<Object> deletes = tx.deletes();
    long seq = state.seq() + changes.size();
    long nextId = tx.stagedNextId();
    boolean nothing = changes.isEmpty() && puts.isEmpty() && deletes.isEmpty() && nextId == state.nextId();
    Committed<T> committed = new Committed<>(value, List.copyOf(changes));
    Runnable apply = () -> {
      state.apply(puts, deletes, nextId, seq);
      state.history().add(changes);
    };
    Journal j = journal;
    CompletableFuture<Void> written;
    try {
      if (j == null) {
        checkOpen();
        if (options.journalDirectory() != null) {
          throw new IllegalStateException("the store's journal is not open");
        }
        apply.run();
        written = CompletableFuture.completedFuture(null);
      } else if (nothing) {
        written = j.sync();
      } else {
        TxRecord record = new TxRecord(state.name(), state.idName(), List.copyOf(puts.values()), deletes, nextId,
            seq, changes);
        written = j.append(record, apply);
      }
    } catch (RuntimeException e) {
      written = CompletableFuture.failedFuture(e);
    } finally {
      state.queue().done();
    }
    written.whenComplete((v, error) -> complete(context, promise, error, committed));
  }

  private static <T> void complete(Context context, Promise<T> promise, Throwable error, T value) {
    Runnable completion = () -> {
      if (error != null) {
        promise.fail(error);
      } else {
        promise.complete(value);
      }
    };
    if (Vertx.currentContext() == context) {
      completion.run();
    } else {
      context.runOnContext(v -> completion.run());
    }
  }

  private void replay(TxRecord record) {
    states.computeIfAbsent(record.model(), name -> new ModelState(name, record.idName(), retention)).replay(record);
  }

  /** Every model's data, models not configured any more included, so that compaction keeps them. */
  private List<ModelState.Snapshot> snapshots() {
    return states.values().stream()
        .sorted(Comparator.comparing(ModelState::name))
        .map(ModelState::snapshot)
        .toList();
  }

  private ModelState state(ModelDefinition model) {
    ModelState state = states.get(model.name());
    if (state == null) {
      throw new IllegalArgumentException("model " + model.name() + " is not open in this store");
    }
    return state;
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the store is closed");
    }
  }
}
