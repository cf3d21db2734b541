package io.livemodel.stream;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.livemodel.store.ChangeLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The fan-out of one verticle: listens to the node's {@link ChangeBus} for every model and hands
 * each change to the verticle's subscriptions. Per model, subscriptions are grouped by filter
 * ({@link FilterGroups}), so a change is filtered once per distinct filter and encoded once per node
 * and filter ({@link SharedEncodings}); the same bytes go to every member, in slices
 * ({@link SlicedDelivery}). Resuming subscriptions get what they missed from the log first
 * ({@link Replayer}).
 *
 * <p>Not thread-safe: create, use and stop it on one verticle's event loop (changes arrive there).
 */
public final class ChangeHub {

  private final Vertx vertx;
  private final ChangeBus bus;
  private final SharedEncodings encodings;
  private final Map<String, ModelFanOut> models = new HashMap<>();
  private final ChangeBus.Listener listener = this::onChange;
  private Replayer replayer;
  private long heartbeatTimer = -1;

  /**
   * @param bus the node's change bus
   * @param encodings the node's encodings, shared by its hubs
   */
  public ChangeHub(Vertx vertx, ChangeBus bus, SharedEncodings encodings) {
    this.vertx = vertx;
    this.bus = bus;
    this.encodings = encodings;
  }

  /** One model's state in this hub. */
  private static final class ModelFanOut {
    final ModelDefinition model;
    final FilterGroups groups = new FilterGroups();
    final SlicedDelivery delivery;
    /** The last seq this hub received; a resuming subscription replays up to it. */
    long dispatched;

    ModelFanOut(ModelDefinition model, Context context) {
      this.model = model;
      this.delivery = new SlicedDelivery(context);
    }
  }

  /** Starts listening to every model and sends heartbeats. Call it on the verticle's event loop. */
  public void start(Iterable<ModelDefinition> modelList, ChangeLog log, int heartbeatSeconds) {
    Context context = vertx.getOrCreateContext();
    replayer = new Replayer(log, context, encodings);
    for (ModelDefinition model : modelList) {
      ModelFanOut fanOut = new ModelFanOut(model, context);
      models.put(model.name(), fanOut);
      fanOut.dispatched = Math.max(0, bus.listen(model.name(), context, listener));
    }
    if (heartbeatSeconds > 0) {
      long interval = heartbeatSeconds * 1000L;
      heartbeatTimer = vertx.setPeriodic(Math.max(250, interval / 4), id -> heartbeat(interval));
    }
  }

  /**
   * Adds a subscriber of {@code model}'s changes that pass {@code filter}. With {@code afterSeq >= 0}
   * it first receives what it missed after that seq from the change log, then live changes, with no
   * gap and no duplicate; with a negative {@code afterSeq} live changes only.
   */
  public Subscription subscribe(ModelDefinition model, ChangeFilter filter, Subscriber subscriber, long afterSeq) {
    ModelFanOut fanOut = fanOut(model.name());
    Subscription subscription = new Subscription(this, model.name(), filter, subscriber, Math.max(afterSeq, 0));
    fanOut.groups.add(subscription);
    if (afterSeq >= 0) {
      replayer.replay(fanOut.model, subscription, afterSeq, fanOut.dispatched);
    }
    return subscription;
  }

  void unsubscribe(Subscription subscription) {
    ModelFanOut fanOut = models.get(subscription.model());
    if (fanOut != null) {
      fanOut.groups.remove(subscription);
    }
  }

  /** Subscribers currently registered (for leak checks and metrics). */
  public int subscriberCount() {
    return models.values().stream().mapToInt(m -> m.groups.memberCount()).sum();
  }

  /** Distinct filter groups currently held, over all models. */
  public int groupCount() {
    return models.values().stream().mapToInt(m -> m.groups.groupCount()).sum();
  }

  /** Stops listening and ends every stream. */
  public void stop() {
    bus.unlisten(listener);
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    for (ModelFanOut fanOut : models.values()) {
      fanOut.delivery.clear();
      for (FilterGroups.Group group : fanOut.groups.groups()) {
        for (Subscription subscription : group.members()) {
          subscription.close();
          subscription.subscriber().close();
        }
      }
    }
  }

  private void onChange(Change change) {
    ModelFanOut fanOut = models.get(change.model());
    if (fanOut == null) {
      return;
    }
    if (change.seq() > 0) {
      fanOut.dispatched = change.seq();
    }
    if (fanOut.groups.isEmpty()) {
      return;
    }
    JsonObject json = change.toJson();
    for (FilterGroups.Group group : fanOut.groups.groups()) {
      JsonObject filtered = group.filter.apply(json, change.before());
      if (filtered != null) {
        // The members as of now: who subscribes later gets this change from the log if resuming.
        fanOut.delivery.add(encodings.get(change.model(), change.seq(), group.filter.key(), filtered), group.members());
      }
    }
    fanOut.delivery.run();
  }

  private void heartbeat(long intervalMillis) {
    long now = System.currentTimeMillis();
    for (ModelFanOut fanOut : models.values()) {
      for (FilterGroups.Group group : fanOut.groups.groups()) {
        for (Subscription subscription : group.members()) {
          subscription.subscriber().heartbeat(now, intervalMillis);
        }
      }
    }
  }

  private ModelFanOut fanOut(String modelName) {
    ModelFanOut fanOut = models.get(modelName);
    if (fanOut == null) {
      throw new IllegalArgumentException("unknown model " + modelName);
    }
    return fanOut;
  }
}
