package io.livemodel.store.memory;

import io.livemodel.filter.QueryLimits;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run expensive memory-store scans off the event loops: a worker pool of
 * {@code query.workers} threads shared by the node's verticles, created on first use. More scans than
 * threads queue, and the time they wait counts against their deadline ({@link ScanDeadline}), so a
 * flood of expensive queries costs the node at most {@code query.workers} busy threads.
 */
final class QueryWorkers {

  private static final String NAME = "livemodel-query";

  private final Vertx vertx;
  private volatile WorkerExecutor executor;

  QueryWorkers(Vertx vertx) {
    this.vertx = vertx;
  }

  WorkerExecutor executor() {
    WorkerExecutor current = executor;
    if (current == null) {
      synchronized (this) {
        if (executor == null) {
          long limitMs = QueryLimits.current().timeoutMs() + 1000;
          executor = vertx.createSharedWorkerExecutor(NAME, QueryLimits.current().workers(), limitMs,
              TimeUnit.MILLISECONDS);
        }
        current = executor;
      }
    }
    return current;
  }

  void close() {
    WorkerExecutor current = executor;
    if (current != null) {
      current.close();
    }
  }
}
