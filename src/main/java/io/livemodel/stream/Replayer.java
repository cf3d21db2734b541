package io.livemodel.stream;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.livemodel.store.ChangeLog;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays what a resuming subscription missed: its live changes are held while the change log is
 * read, page by page, up to the last change the hub had dispatched when it subscribed; then the held
 * changes are released, and the subscription's sequence rule drops what the replay already sent. A
 * position the log no longer covers gets a reset instead.
 *
 * <p>Not thread-safe: used on its hub's event loop; the log's answers are brought back to it.
 */
final class Replayer {

  private static final Logger LOG = Logger.getLogger(Replayer.class.getName());
  static final int PAGE = 1000;
  private static final long CONGESTION_POLL_MILLIS = 20;

  private final ChangeLog log;
  private final Context context;
  private final SharedEncodings encodings;

  Replayer(ChangeLog log, Context context, SharedEncodings encodings) {
    this.log = log;
    this.context = context;
    this.encodings = encodings;
  }

  /** Replays the changes of {@code model} after {@code afterSeq} up to {@code upTo} to {@code subscription}. */
  void replay(ModelDefinition model, Subscription subscription, long afterSeq, long upTo) {
    subscription.hold();
    StreamMetrics.current().resumed(model.name());
    page(model, subscription, afterSeq, afterSeq, upTo);
  }

  /** Reads the next page once the client has taken what it was sent (polled: a drain has no listener here). */
  private void nextPage(ModelDefinition model, Subscription subscription, long firstAfter, long after, long upTo) {
    if (subscription.closed()) {
      return;
    }
    if (subscription.subscriber().congested()) {
      context.owner().setTimer(CONGESTION_POLL_MILLIS, id -> nextPage(model, subscription, firstAfter, after, upTo));
    } else {
      page(model, subscription, firstAfter, after, upTo);
    }
  }

  private void page(ModelDefinition model, Subscription subscription, long firstAfter, long after, long upTo) {
    log.changesAfter(model, after, PAGE).onComplete(result -> context.runOnContext(v -> {
      if (subscription.closed()) {
        return;
      }
      if (result.failed()) {
        LOG.log(Level.WARNING, "replay of " + model.name() + " failed", result.cause());
        StreamMetrics.current().reset(model.name());
        subscription.reset(firstAfter, upTo);
        subscription.release();
        return;
      }
      ChangeLog.Page page = result.result();
      if (after == firstAfter && page.expiredAfter(firstAfter)) {
        StreamMetrics.current().reset(model.name());
        subscription.reset(firstAfter, Math.max(upTo, page.latestSeq()));
        subscription.release();
        return;
      }
      long last = after;
      for (Change change : page.changes()) {
        if (change.seq() > upTo) {
          break;
        }
        ChangeFilter filter = subscription.filter();
        JsonObject filtered = filter.apply(change.toJson(), change.before());
        if (filtered != null) {
          // Shared like live changes: clients resuming together (after a node restart) replay the same changes.
          subscription.send(encodings.get(model.name(), change.seq(), filter.key(), filtered));
          StreamMetrics.current().replayed(model.name(), 1);
        }
        last = change.seq();
      }
      if (last < upTo && page.changes().size() == PAGE) {
        nextPage(model, subscription, firstAfter, last, upTo);
      } else {
        subscription.release();
      }
    }));
  }
}
