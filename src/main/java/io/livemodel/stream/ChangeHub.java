package io.livemodel.stream;

import io.livemodel.cluster.SequenceGate;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fan-out of one verticle: ONE event-bus consumer per model, whatever the number of
 * subscribers, and per model the subscribers grouped by filter, so that a change is filtered and
 * encoded once per distinct filter and written to every subscriber of the group as the same buffer.
 *
 * <p>On a clustered Vert.x each model's changes pass a {@link SequenceGate} first, so every node
 * delivers them in the store's sequence order whichever node published them.
 *
 * <p>Not thread-safe: create, use and close it on one verticle's event loop (consumers deliver there).
 */
public final class ChangeHub {

  /** The header carrying a change's sequence number (set by the CRUD verticle). */
  public static final String SEQ_HEADER = "seq";

  private final Vertx vertx;
  private final Map<String, Map<String, Group>> groupsByModel = new HashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final List<SequenceGate<?>> gates = new ArrayList<>();
  private long heartbeatTimer = -1;
  private int subscriberCount;

  public ChangeHub(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Registers one consumer per model and starts heartbeats; completes when every consumer is
   * registered (cluster-wide in clustered mode).
   */
  public Future<Void> start(Collection<ModelDefinition> models, int heartbeatSeconds) {
    List<Future<Void>> ready = new ArrayList<>();
    for (ModelDefinition model : models) {
      Map<String, Group> groups = new LinkedHashMap<>();
      groupsByModel.put(model.name(), groups);
      Handler<Message<JsonObject>> handler = message -> dispatch(groups, message);
      if (vertx.isClustered()) {
        // Several nodes publish: restore the store's commit order before fan-out.
        SequenceGate<Message<JsonObject>> gate =
            new SequenceGate<>(vertx, SequenceGate.DEFAULT_GAP_TIMEOUT_MILLIS, handler::handle);
        gates.add(gate);
        handler = message -> gate.accept(seqOf(message), message);
      }
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.changes(model.name()), handler);
      consumers.add(consumer);
      ready.add(consumer.completion());
    }
    if (heartbeatSeconds > 0) {
      long interval = heartbeatSeconds * 1000L;
      heartbeatTimer = vertx.setPeriodic(Math.max(250, interval / 4), id -> heartbeat(interval));
    }
    return Future.all(ready).mapEmpty();
  }

  /** Adds a subscriber to a model's fan-out; it receives every change published from now on. */
  public void subscribe(String modelName, Subscriber subscriber) {
    Map<String, Group> groups = groupsByModel.get(modelName);
    if (groups == null) {
      throw new IllegalArgumentException("unknown model " + modelName);
    }
    groups.computeIfAbsent(subscriber.filter().key(), k -> new Group(subscriber.filter())).members.add(subscriber);
    subscriberCount++;
  }

  /** Removes a subscriber; idempotent. */
  public void unsubscribe(String modelName, Subscriber subscriber) {
    Map<String, Group> groups = groupsByModel.get(modelName);
    if (groups == null) {
      return;
    }
    Group group = groups.get(subscriber.filter().key());
    if (group != null && group.members.remove(subscriber)) {
      subscriberCount--;
      if (group.members.isEmpty()) {
        groups.remove(subscriber.filter().key());
      }
    }
  }

  /** Subscribers currently registered (for leak checks and metrics). */
  public int subscriberCount() {
    return subscriberCount;
  }

  /** Distinct filter groups currently held, over all models. */
  public int groupCount() {
    return groupsByModel.values().stream().mapToInt(Map::size).sum();
  }

  public Future<Void> stop() {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    gates.forEach(SequenceGate::close);
    List<Future<Void>> done = new ArrayList<>();
    consumers.forEach(c -> done.add(c.unregister()));
    return Future.all(done).mapEmpty();
  }

  private static long seqOf(Message<JsonObject> message) {
    String seqHeader = message.headers().get(SEQ_HEADER);
    return seqHeader == null ? 0 : Long.parseLong(seqHeader);
  }

  private void dispatch(Map<String, Group> groups, Message<JsonObject> message) {
    if (groups.isEmpty()) {
      return;
    }
    long seq = seqOf(message);
    JsonObject change = message.body();
    // Copy: a subscriber may close (and leave its group) while we iterate.
    for (Group group : List.copyOf(groups.values())) {
      JsonObject filtered = group.filter.apply(change);
      if (filtered == null) {
        continue;
      }
      EncodedChange encoded = new EncodedChange(filtered, seq);
      for (Subscriber subscriber : List.copyOf(group.members)) {
        subscriber.deliver(encoded);
      }
    }
  }

  private void heartbeat(long intervalMillis) {
    long now = System.currentTimeMillis();
    for (Map<String, Group> groups : groupsByModel.values()) {
      for (Group group : List.copyOf(groups.values())) {
        for (Subscriber subscriber : List.copyOf(group.members)) {
          subscriber.heartbeat(now, intervalMillis);
        }
      }
    }
  }

  private static final class Group {
    final ChangeFilter filter;
    final Set<Subscriber> members = new LinkedHashSet<>();

    Group(ChangeFilter filter) {
      this.filter = filter;
    }
  }
}
