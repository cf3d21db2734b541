package io.livemodel.stream;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.livemodel.store.ChangeLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts one model's changes in sequence order, once per node, whichever node published them.
 *
 * <p>The event bus orders messages per sender only, so with several writer nodes a change can
 * overtake an earlier one. A change whose seq is ahead of the next expected one waits up to
 * {@code gapWaitMillis}; a gap still open then is filled from the change log (or skipped, if the log
 * no longer has it). Changes at or below the last dispatched seq are duplicates and dropped (a
 * node's own changes reach it twice: directly from its writes, and back from the event bus).
 *
 * <p>Thread-safe: changes arrive from the node's writes and from the event bus on any thread;
 * {@code dispatch} is called under this object's lock, in sequence order, and must not block.
 */
final class Sequencer {

  private static final Logger LOG = Logger.getLogger(Sequencer.class.getName());

  private final ModelDefinition model;
  private final ChangeLog log;
  private final Vertx vertx;
  private final long gapWaitMillis;
  private final Consumer<Change> dispatch;
  private final TreeMap<Long, Change> early = new TreeMap<>();
  /** The last seq dispatched; -1 until the log's latest seq is known. */
  private long dispatched = -1;
  private long gapTimer = -1;
  private boolean filling;
  private boolean stopped;

  Sequencer(ModelDefinition model, ChangeLog log, Vertx vertx, long gapWaitMillis, Consumer<Change> dispatch) {
    this.model = model;
    this.log = log;
    this.vertx = vertx;
    this.gapWaitMillis = gapWaitMillis;
    this.dispatch = dispatch;
  }

  /** Learns where the model's sequence stands; changes that arrived meanwhile wait in order. */
  Future<Void> start() {
    return log.latestSeq(model).map(latest -> {
      synchronized (this) {
        dispatched = Math.max(dispatched, latest);
        drainEarly();
      }
      return null;
    });
  }

  /** The last seq dispatched (-1 before {@link #start()} completed). */
  synchronized long dispatched() {
    return dispatched;
  }

  synchronized void arrive(Change change) {
    if (stopped) {
      return;
    }
    long seq = change.seq();
    if (seq <= 0) {
      dispatch.accept(change);
      return;
    }
    if (dispatched >= 0 && seq <= dispatched) {
      return;
    }
    early.put(seq, change);
    if (dispatched >= 0) {
      drainEarly();
    }
  }

  synchronized void stop() {
    stopped = true;
    early.clear();
    cancelGapTimer();
  }

  private void drainEarly() {
    // Changes that arrived while their gap was being filled from the log are already dispatched.
    early.headMap(dispatched, true).clear();
    while (!early.isEmpty() && early.firstKey() == dispatched + 1) {
      dispatched++;
      dispatch.accept(early.pollFirstEntry().getValue());
    }
    if (early.isEmpty()) {
      cancelGapTimer();
    } else if (gapTimer < 0 && !filling && !stopped) {
      gapTimer = vertx.setTimer(gapWaitMillis, id -> {
        synchronized (this) {
          gapTimer = -1;
          fillGap();
        }
      });
    }
  }

  /** The gap before the first early change did not close in time: read it from the log. */
  private void fillGap() {
    if (early.isEmpty() || stopped) {
      return;
    }
    filling = true;
    long from = dispatched;
    long to = early.firstKey();
    log.changesAfter(model, from, (int) Math.min(Replayer.PAGE, to - from - 1)).onComplete(result -> {
      synchronized (this) {
        filled(result.succeeded() ? result.result() : null, result.cause(), from, to);
      }
    });
  }

  private void filled(ChangeLog.Page page, Throwable failure, long from, long to) {
    filling = false;
    if (stopped) {
      return;
    }
    if (page != null) {
      long before = dispatched;
      for (Change change : page.changes()) {
        if (change.seq() == dispatched + 1 && change.seq() < to) {
          dispatched = change.seq();
          dispatch.accept(change);
        }
      }
      if (dispatched > before) {
        StreamMetrics.current().gapFilled(model.name());
      }
      dropImpossible(page.latestSeq());
    } else {
      LOG.log(Level.WARNING, "could not read the change log of " + model.name() + " to fill a gap", failure);
    }
    early.headMap(dispatched, true).clear();
    if (!early.isEmpty() && dispatched + 1 < early.firstKey() && dispatched > from) {
      fillGap(); // a gap longer than a page: read on while the log keeps giving
      return;
    }
    if (!early.isEmpty() && dispatched + 1 < early.firstKey()) {
      LOG.log(Level.WARNING, "changes {0}..{1} of {2} are lost to this node; skipping them",
          new Object[] {dispatched + 1, early.firstKey() - 1, model.name()});
      dispatched = early.firstKey() - 1;
    }
    drainEarly();
  }

  /**
   * Changes ahead of the log cannot be real: a change is committed before it is published, and the log
   * was read after it arrived. They come from a node on another store (or a forged sequence); waiting
   * for them, or skipping ahead to them, would stop this node from delivering its own changes.
   */
  private void dropImpossible(long latestSeq) {
    var impossible = early.tailMap(latestSeq, false);
    if (!impossible.isEmpty()) {
      LOG.log(Level.WARNING, "ignoring changes {0}..{1} of {2} from the event bus: this node''s change log ends at "
          + "{3} (is a node of the cluster on another store?)",
          new Object[] {impossible.firstKey(), impossible.lastKey(), model.name(), latestSeq});
      impossible.clear();
    }
  }

  private void cancelGapTimer() {
    if (gapTimer >= 0) {
      vertx.cancelTimer(gapTimer);
      gapTimer = -1;
    }
  }
}
