package io.livemodel.stream;

import io.livemodel.model.ModelDefinition;
import io.livemodel.ops.StreamMetrics;
import io.livemodel.store.ChangeLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fan-out of one model inside one {@link ChangeHub}: puts arriving changes in sequence order,
 * groups subscribers by filter, and replays history to resuming subscribers.
 *
 * <p>Order: the event bus orders messages per sender only, so with several writer nodes a change
 * can overtake an earlier one. A change whose seq is ahead of the next expected one waits up to
 * {@code gapWaitMillis}; a gap still open then is filled from the change log (or skipped, if the log
 * no longer has it). Changes at or below the last dispatched seq are duplicates and dropped.
 *
 * <p>Fan-out in slices: a change goes to at most {@link #SLICE} subscribers per event-loop task, the
 * rest in the next task, so whatever else the loop has to do (answer a POST, flush what was just
 * written, read a request) waits for one slice, never for a whole fan-out to tens of thousands of
 * subscribers. Changes are delivered in order: a change waits until the one before it has reached
 * everybody.
 *
 * <p>Not thread-safe: used on its hub's event loop; store futures are brought back to it.
 */
final class ModelChannel {

  private static final Logger LOG = Logger.getLogger(ModelChannel.class.getName());
  static final int PAGE = 1000;
  /** Deliveries per event-loop task. */
  static final int SLICE = 256;

  private final ModelDefinition model;
  private final ChangeLog log;
  private final Context context;
  private final long gapWaitMillis;
  private final SharedEncodings encodings;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  /** The groups as an array, rebuilt only when groups come or go (null: stale). */
  private Group[] groupArray;
  private final TreeMap<Long, JsonObject> early = new TreeMap<>();
  /** The last seq dispatched; -1 until the log's latest seq is known. */
  private long dispatched = -1;
  private long gapTimer = -1;
  private boolean filling;
  /** Changes not yet delivered to every member of their group, oldest first. */
  private final ArrayDeque<Delivery> backlog = new ArrayDeque<>();
  private boolean delivering;
  /** Kept rather than summed over the groups: read from other threads (stats, tests). */
  private volatile int subscribers;

  ModelChannel(ModelDefinition model, ChangeLog log, Context context, long gapWaitMillis, SharedEncodings encodings) {
    this.model = model;
    this.log = log;
    this.context = context;
    this.gapWaitMillis = gapWaitMillis;
    this.encodings = encodings;
  }

  /** Learns where the model's sequence stands; changes that arrived meanwhile wait in order. */
  Future<Void> start() {
    return onContext(log.latestSeq(model)).map(latest -> {
      dispatched = latest;
      early.headMap(latest, true).clear();
      drainEarly();
      return null;
    });
  }

  void arrive(JsonObject change, long seq) {
    if (seq <= 0) {
      fanOut(change, 0);
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

  private void drainEarly() {
    // Changes that arrived while their gap was being filled from the log are already dispatched.
    early.headMap(dispatched, true).clear();
    while (!early.isEmpty() && early.firstKey() == dispatched + 1) {
      dispatched++;
      fanOut(early.pollFirstEntry().getValue(), dispatched);
    }
    if (early.isEmpty()) {
      cancelGapTimer();
    } else if (gapTimer < 0 && !filling) {
      gapTimer = context.owner().setTimer(gapWaitMillis, id -> {
        gapTimer = -1;
        fillGap();
      });
    }
  }

  /** The gap before the first early change did not close in time: read it from the log. */
  private void fillGap() {
    if (early.isEmpty()) {
      return;
    }
    filling = true;
    long from = dispatched;
    long to = early.firstKey();
    onContext(log.changesAfter(model, from, (int) Math.min(PAGE, to - from - 1))).onComplete(result -> {
      filling = false;
      if (result.succeeded()) {
        StreamMetrics.current().gapFilled(model.name());
        for (Change change : result.result().changes()) {
          if (change.seq() == dispatched + 1 && change.seq() < to) {
            dispatched = change.seq();
            fanOut(change.toJson(), change.seq());
          }
        }
      } else {
        LOG.log(Level.WARNING, "could not read the change log of " + model.name() + " to fill a gap", result.cause());
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
    });
  }

  void subscribe(Subscriber subscriber, long afterSeq) {
    boolean added = groups.computeIfAbsent(subscriber.filter().key(), k -> {
      groupArray = null;
      return new Group(subscriber.filter());
    }).add(subscriber);
    if (added) {
      subscribers++;
    }
    if (afterSeq >= 0) {
      resume(subscriber, afterSeq);
    }
  }

  /**
   * Replays what {@code subscriber} missed after {@code afterSeq}: live changes are held while the
   * log is read up to the last dispatched seq, then released without duplicates.
   */
  private void resume(Subscriber subscriber, long afterSeq) {
    long upTo = dispatched;
    StreamMetrics.current().resumed(model.name());
    subscriber.hold();
    replayPage(subscriber, afterSeq, afterSeq, upTo);
  }

  private void replayPage(Subscriber subscriber, long firstAfter, long after, long upTo) {
    onContext(log.changesAfter(model, after, PAGE)).onComplete(result -> {
      if (result.failed()) {
        LOG.log(Level.WARNING, "replay of " + model.name() + " failed", result.cause());
        StreamMetrics.current().reset(model.name());
        subscriber.reset(firstAfter, upTo);
        subscriber.release();
        return;
      }
      ChangeLog.Page page = result.result();
      if (after == firstAfter && page.expiredAfter(firstAfter)) {
        StreamMetrics.current().reset(model.name());
        subscriber.reset(firstAfter, Math.max(upTo, page.latestSeq()));
        subscriber.release();
        return;
      }
      long last = after;
      for (Change change : page.changes()) {
        if (change.seq() > upTo) {
          break;
        }
        JsonObject filtered = subscriber.filter().apply(change.toJson());
        if (filtered != null) {
          // Shared like live changes: clients resuming together (after a node restart) replay the same changes.
          subscriber.replay(encodings.get(model.name(), change.seq(), subscriber.filter().key(), filtered));
          StreamMetrics.current().replayed(model.name(), 1);
        }
        last = change.seq();
      }
      if (last < upTo && page.changes().size() == PAGE) {
        replayPage(subscriber, firstAfter, last, upTo);
      } else {
        subscriber.release();
      }
    });
  }

  void unsubscribe(Subscriber subscriber) {
    Group group = groups.get(subscriber.filter().key());
    if (group != null && group.remove(subscriber)) {
      subscribers--;
      if (group.isEmpty()) {
        groups.remove(subscriber.filter().key());
        groupArray = null;
      }
    }
  }

  int subscriberCount() {
    return subscribers;
  }

  int groupCount() {
    return groups.size();
  }

  void heartbeat(long now, long interval) {
    for (Group group : groups()) {
      for (Subscriber subscriber : group.members()) {
        subscriber.heartbeat(now, interval);
      }
    }
  }

  /** Ends every stream and stops waiting for gaps. */
  void stop() {
    cancelGapTimer();
    backlog.clear();
    for (Group group : groups()) {
      for (Subscriber subscriber : group.members()) {
        subscriber.close();
      }
    }
  }

  private void fanOut(JsonObject change, long seq) {
    if (groups.isEmpty()) {
      return;
    }
    for (Group group : groups()) {
      JsonObject filtered = group.filter.apply(change);
      if (filtered == null) {
        continue;
      }
      // The members as of now: who subscribes later gets this change from the log if resuming.
      backlog.add(new Delivery(encodings.get(model.name(), seq, group.filter.key(), filtered), group.members()));
    }
    if (!delivering) {
      deliverSlice();
    }
  }

  /** Delivers up to {@link #SLICE} changes to subscribers; schedules itself again while work is left. */
  private void deliverSlice() {
    int budget = SLICE;
    Delivery delivery;
    while (budget > 0 && (delivery = backlog.peek()) != null) {
      int end = Math.min(delivery.members.length, delivery.next + budget);
      for (int i = delivery.next; i < end; i++) {
        delivery.members[i].deliver(delivery.change);
      }
      budget -= end - delivery.next;
      delivery.next = end;
      if (end == delivery.members.length) {
        backlog.poll();
      }
    }
    delivering = !backlog.isEmpty();
    if (delivering) {
      context.runOnContext(v -> deliverSlice());
    }
  }

  /** One change for one group: its members as of the change, and how far delivery has come. */
  private static final class Delivery {
    final EncodedChange change;
    final Subscriber[] members;
    int next;

    Delivery(EncodedChange change, Subscriber[] members) {
      this.change = change;
      this.members = members;
    }
  }

  private void cancelGapTimer() {
    if (gapTimer >= 0) {
      context.owner().cancelTimer(gapTimer);
      gapTimer = -1;
    }
  }

  /** Completes on this channel's event loop, whatever thread the store completes on. */
  private <T> Future<T> onContext(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> context.runOnContext(v -> promise.handle(result)));
    return promise.future();
  }

  /** Snapshot iteration: a subscriber may close, and leave its group, while a change is fanned out. */
  private Group[] groups() {
    if (groupArray == null) {
      groupArray = groups.values().toArray(new Group[0]);
    }
    return groupArray;
  }

  /** Subscribers with one filter. Its member array is a snapshot rebuilt only after membership changes. */
  private static final class Group {
    private static final Subscriber[] NONE = new Subscriber[0];
    final ChangeFilter filter;
    private final Set<Subscriber> members = new LinkedHashSet<>();
    private Subscriber[] array = NONE;
    private boolean stale;

    Group(ChangeFilter filter) {
      this.filter = filter;
    }

    boolean add(Subscriber subscriber) {
      boolean added = members.add(subscriber);
      stale |= added;
      return added;
    }

    boolean remove(Subscriber subscriber) {
      boolean removed = members.remove(subscriber);
      stale |= removed;
      return removed;
    }

    boolean isEmpty() {
      return members.isEmpty();
    }


    Subscriber[] members() {
      if (stale) {
        array = members.toArray(NONE);
        stale = false;
      }
      return array;
    }
  }
}
