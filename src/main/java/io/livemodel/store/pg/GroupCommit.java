package io.livemodel.store.pg;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Committed;
import io.livemodel.store.WriteTx;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * changes get the next sequence numbers in order, and it either commits or has no effect. If a
 * write's work fails, the whole transaction is rolled back and the batch split there: the writes
 * before it run again as a batch, and it runs again at the head of the rest, so its failure is
 * judged against committed data only and fails it alone (a failure costs at most two more
 * transactions). If the commit fails, every write of the batch fails with that error. Each write's
 * statements end when its work's future does: what a work issues later fails instead of running in
 * the next write's part of the transaction.
 *
 * <p>A write waits in the queue at most the statement timeout, as it would wait for the model's lock
 * in PostgreSQL; then it fails with 503 {@code STORE_TIMEOUT} without having run.
 *
 * <p>Thread-safe: writes may be submitted from any event loop.
 */
final class GroupCommit {

  static final int MAX_BATCH = 64;

  private final Vertx vertx;
  private final Pool pool;
  private final PgSchema schema;
  private final PgChangeTable changeLog;
  private final long queueTimeoutMillis;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final AtomicLong transactions = new AtomicLong();

  GroupCommit(Vertx vertx, Pool pool, PgSchema schema, PgChangeTable changeLog, long queueTimeoutMillis) {
    this.vertx = vertx;
    this.pool = pool;
    this.schema = schema;
    this.changeLog = changeLog;
    this.queueTimeoutMillis = queueTimeoutMillis;
  }

  <T> Future<Committed<T>> submit(ModelDefinition model, Function<WriteTx, Future<T>> work) {
    Pending<T> pending = new Pending<>(work);
    lanes.computeIfAbsent(model.name(), name -> new Lane(model)).offer(pending);
    return pending.promise.future();
  }

  /** Write transactions begun so far (for tests and diagnostics). */
  long transactions() {
    return transactions.get();
  }

  /** The queue of one model's writes on this node. */
  private final class Lane {
    private final ModelDefinition model;
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private boolean running;

    Lane(ModelDefinition model) {
      this.model = model;
    }

    void offer(Pending<?> pending) {
      boolean start;
      synchronized (this) {
        queue.add(pending);
        start = !running;
        running = true;
        if (!start) {
          pending.timer = vertx.setTimer(queueTimeoutMillis, id -> expire(pending));
        }
      }
      if (start) {
        next();
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

    private void next() {
      List<Pending<?>> batch = new ArrayList<>();
      synchronized (this) {
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
          Pending<?> pending = queue.poll();
          if (pending.timer >= 0) {
            vertx.cancelTimer(pending.timer);
          }
          batch.add(pending);
        }
        if (batch.isEmpty()) {
          running = false;
          return;
        }
      }
      runBatch(model, batch).onComplete(done -> next());
    }
  }

  /** Runs {@code batch} in one transaction; on a work's failure, splits it there (see the class doc). Never fails. */
  private Future<Void> runBatch(ModelDefinition model, List<Pending<?>> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    transactions.incrementAndGet();
    List<PgWriteTx> txs = new ArrayList<>(batch.size());
    return pool.withTransaction(conn -> {
      for (Pending<?> pending : batch) {
        txs.add(new PgWriteTx(conn, schema, changeLog, model));
      }
      Future<Void> chain = txs.get(0).lock();
      for (int i = 0; i < batch.size(); i++) {
        int index = i;
        chain = chain.compose(v -> batch.get(index).run(txs.get(index))
            .recover(e -> Future.failedFuture(new WorkFailed(index, e))));
      }
      return chain.compose(v -> changeLog.append(conn, model, txs.stream().map(PgWriteTx::changes).toList()))
          // Writes that never ran end too, before COMMIT or ROLLBACK is sent.
          .andThen(result -> txs.forEach(PgWriteTx::finish));
    }).transform(result -> {
      if (result.succeeded()) {
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).commit(result.result().get(i));
        }
        return Future.succeededFuture();
      }
      if (result.cause() instanceof WorkFailed failed) {
        if (failed.index == 0) {
          batch.get(0).promise.fail(failed.getCause());
          return runBatch(model, batch.subList(1, batch.size()));
        }
        return runBatch(model, batch.subList(0, failed.index))
            .compose(v -> runBatch(model, batch.subList(failed.index, batch.size())));
      }
      batch.forEach(pending -> pending.promise.tryFail(result.cause()));
      return Future.succeededFuture();
    });
  }

  /** A submitted write: its work, its result once run, and the caller's promise. */
  private static final class Pending<T> {
    final Function<WriteTx, Future<T>> work;
    final Promise<Committed<T>> promise = Promise.promise();
    private T value;
    /** The queue-wait timer, -1 if the write did not wait (guarded by its lane). */
    long timer = -1;

    Pending(Function<WriteTx, Future<T>> work) {
      this.work = work;
    }

    /** Runs the work in {@code tx}; the tx ends with the work's future. */
    Future<Void> run(PgWriteTx tx) {
      Future<T> result;
      try {
        result = Objects.requireNonNull(work.apply(tx), "the work of a write returned no future");
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.andThen(done -> tx.finish()).map(v -> {
        value = v;
        return null;
      });
    }

    void commit(List<Change> changes) {
      promise.tryComplete(new Committed<>(value, changes));
    }
  }

  /** A work failed inside a batch: at which index, and why. */
  private static final class WorkFailed extends RuntimeException {
    final int index;

    WorkFailed(int index, Throwable cause) {
      super(cause.getMessage(), cause, false, false);
      this.index = index;
    }
  }
}
