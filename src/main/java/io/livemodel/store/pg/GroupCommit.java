package io.livemodel.store.pg;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Committed;
import io.livemodel.store.WriteTx;
import io.livemodel.stream.Change;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Group commit of one node's writes, per model. Writes of a model are serialized anyway (each
 * transaction locks the model's bookkeeping row first), so while one transaction of a model is in
 * flight, the next writes of that model wait here, and then run together, in arrival order, in one
 * transaction: one lock, one change-log update, one commit (one WAL flush) for up to
 * {@link #MAX_BATCH} writes instead of one each.
 *
 * <p>Each write keeps the semantics of its own transaction: it sees the writes before it, its
 * changes get the next sequence numbers in order, and it either commits or has no effect. If one
 * write's work fails, the whole transaction is rolled back, that write fails with its error, and
 * the others run again, each in a transaction of its own (so failures cost linear time). If the
 * commit fails, every write of the batch fails with that error.
 *
 * <p>A write waits in the queue at most the statement timeout, as it would wait for the model's lock
 * in PostgreSQL; then it fails with 503 {@code STORE_TIMEOUT} without having run.
 *
 * <p>Thread-safe: writes may be submitted from any event loop.
 */
final class GroupCommit {

  static final int MAX_BATCH = 64;

  private final PgSchema schema;
  private final PgChangeLog changeLog;
  private final long queueTimeoutMillis;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final AtomicLong transactions = new AtomicLong();

  GroupCommit(PgSchema schema, PgChangeLog changeLog, long queueTimeoutMillis) {
    this.schema = schema;
    this.changeLog = changeLog;
    this.queueTimeoutMillis = queueTimeoutMillis;
  }

  <T> Future<Committed<T>> submit(Vertx vertx, Pool pool, ModelDefinition model, Function<WriteTx, Future<T>> work) {
    Pending<T> pending = new Pending<>(work);
    lanes.computeIfAbsent(model.name(), name -> new Lane(model)).offer(vertx, pool, pending);
    return pending.promise.future();
  }

  /** The queue of one model's writes on this node. */
  private final class Lane {
    private final ModelDefinition model;
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private boolean running;

    Lane(ModelDefinition model) {
      this.model = model;
    }

    void offer(Vertx vertx, Pool pool, Pending<?> pending) {
      boolean start;
      synchronized (this) {
        queue.add(pending);
        start = !running;
        running = true;
        if (!start) {
          pending.timer = vertx.setTimer(queueTimeoutMillis, id -> expire(pending));
          pending.vertx = vertx;
        }
      }
      if (start) {
        next(pool);
      }
    }

    private void expire(Pending<?> pending) {
      boolean removed;
      synchronized (this) {
        removed = queue.remove(pending);
      }
      if (removed) {
        pending.promise.tryFail(PgErrors.timeout("The write waited longer than the store's statement timeout"
            + " for the writes of " + model.name() + " before it"));
      }
    }

    private void next(Pool pool) {
      List<Pending<?>> batch = new ArrayList<>();
      synchronized (this) {
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
          Pending<?> pending = queue.poll();
          if (pending.vertx != null) {
            pending.vertx.cancelTimer(pending.timer);
          }
          batch.add(pending);
        }
        if (batch.isEmpty()) {
          running = false;
          return;
        }
      }
      runBatch(pool, model, batch).onComplete(done -> next(pool));
    }
  }

  /** Write transactions begun so far (for tests and diagnostics). */
  long transactions() {
    return transactions.get();
  }

  /** Runs {@code batch} in one transaction; on a work's failure, the rest one by one. Never fails. */
  private Future<Void> runBatch(Pool pool, ModelDefinition model, List<Pending<?>> batch) {
    Promise<Void> done = Promise.promise();
    transactions.incrementAndGet();
    List<PgWriteTx> txs = new ArrayList<>(batch.size());
    pool.withTransaction(conn -> {
      for (Pending<?> pending : batch) {
        txs.add(new PgWriteTx(conn, schema, changeLog, model));
      }
      Future<Void> chain = txs.get(0).lock();
      for (int i = 0; i < batch.size(); i++) {
        Pending<?> pending = batch.get(i);
        PgWriteTx tx = txs.get(i);
        chain = chain.compose(v -> pending.run(tx).recover(e -> Future.failedFuture(new WorkFailed(pending, e))));
      }
      // Ended before COMMIT or ROLLBACK is sent: what a work issues later fails instead of running outside.
      return chain.compose(v -> PgWriteTx.persistChanges(conn, schema, changeLog, model, txs))
          .andThen(result -> txs.forEach(PgWriteTx::finish));
    }).onComplete(result -> {
      if (result.succeeded()) {
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).commit(result.result().get(i));
        }
        done.complete();
      } else if (result.cause() instanceof WorkFailed failed) {
        failed.pending.promise.fail(failed.getCause());
        List<Pending<?>> rest = new ArrayList<>(batch);
        rest.remove(failed.pending);
        runOneByOne(pool, model, rest, 0).onComplete(v -> done.complete());
      } else {
        batch.forEach(pending -> pending.promise.tryFail(result.cause()));
        done.complete();
      }
    });
    return done.future();
  }

  private Future<Void> runOneByOne(Pool pool, ModelDefinition model, List<Pending<?>> writes, int from) {
    if (from == writes.size()) {
      return Future.succeededFuture();
    }
    return runBatch(pool, model, List.of(writes.get(from))).compose(v -> runOneByOne(pool, model, writes, from + 1));
  }

  /** A submitted write: its work, its result once run, and the caller's promise. */
  private static final class Pending<T> {
    final Function<WriteTx, Future<T>> work;
    final Promise<Committed<T>> promise = Promise.promise();
    private T value;
    /** The queue-wait timer, if the write had to wait (guarded by its lane). */
    Vertx vertx;
    long timer;

    Pending(Function<WriteTx, Future<T>> work) {
      this.work = work;
    }

    Future<Void> run(PgWriteTx tx) {
      Future<T> result;
      try {
        result = work.apply(tx);
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
      return (result == null ? Future.<T>succeededFuture() : result).map(v -> {
        value = v;
        return null;
      });
    }

    void commit(List<Change> changes) {
      promise.tryComplete(new Committed<>(value, changes));
    }
  }

  /** A work failed inside a batch: which one, and why. */
  private static final class WorkFailed extends RuntimeException {
    final transient Pending<?> pending;

    WorkFailed(Pending<?> pending, Throwable cause) {
      super(cause.getMessage(), cause, false, false);
      this.pending = pending;
    }
  }
}
