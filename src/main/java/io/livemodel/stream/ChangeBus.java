package io.livemodel.stream;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.livemodel.store.ChangeLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's change bus: committed changes go in ({@link #publish}), and every listener of the node
 * gets each model's changes once, in sequence order, whichever node made them ({@link #listen}).
 *
 * <p>Owns the wire form: a change travels on {@link Addresses#changes} as LoopBack's change object
 * ({@link Change#toJson()}) with its sequence number in the {@link #SEQ_HEADER} header — what
 * bridge clients receive too. One event-bus consumer per model per node feeds one {@link Sequencer}
 * per model; a node's own changes are dispatched directly, before they are sent to the event bus, so
 * they reach this node's listeners ahead of the write's answer.
 *
 * <p>Thread-safe. One per node.
 */
public final class ChangeBus {

  /** The header carrying a change's sequence number. */
  public static final String SEQ_HEADER = "seq";

  /**
   * The header carrying a change's {@link Change#before() previous relation keys} as JSON text, on
   * updates and removes of a model that is the target of a hasMany relation only.
   */
  public static final String BEFORE_HEADER = "before";

  /** Receives one model's changes in sequence order, on the context it was registered with. */
  @FunctionalInterface
  public interface Listener {
    void onChange(Change change);
  }

  private record Registration(Context context, Listener listener) {
  }

  private final Vertx vertx;
  private final ChangeLog log;
  private final long gapWaitMillis;
  private final Map<String, Sequencer> sequencers = new HashMap<>();
  private final Map<String, List<Registration>> listeners = new HashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  /**
   * @param log where gaps in the order changes arrive in are filled from
   * @param gapWaitMillis how long an out-of-order change waits for the ones before it
   */
  public ChangeBus(Vertx vertx, ChangeLog log, long gapWaitMillis) {
    this.vertx = vertx;
    this.log = log;
    this.gapWaitMillis = gapWaitMillis;
  }

  /**
   * Learns each model's latest seq and registers one consumer per model; completes when every
   * consumer receives changes (cluster-wide in clustered mode). Call once, before any listener.
   */
  public Future<Void> start(Collection<ModelDefinition> models) {
    List<Future<Void>> ready = new ArrayList<>();
    for (ModelDefinition model : models) {
      List<Registration> modelListeners = new CopyOnWriteArrayList<>();
      listeners.put(model.name(), modelListeners);
      Sequencer sequencer = new Sequencer(model, log, vertx, gapWaitMillis, change -> {
        for (Registration registration : modelListeners) {
          registration.context().runOnContext(v -> registration.listener().onChange(change));
        }
      });
      sequencers.put(model.name(), sequencer);
      MessageConsumer<JsonObject> consumer = vertx.eventBus()
          .consumer(Addresses.changes(model.name()), message -> sequencer.arrive(decode(model.name(), message)));
      consumers.add(consumer);
      ready.add(sequencer.start().compose(v -> consumer.completion()));
    }
    return Future.all(ready).mapEmpty();
  }

  /**
   * Publishes a committed change: to this node's listeners, then to every other node and to bridge
   * clients. Changes of one model must be published in sequence order.
   */
  public void publish(Change change) {
    sequencer(change.model()).arrive(change);
    StreamMetrics.current().changePublished(change.model());
    DeliveryOptions options = new DeliveryOptions().addHeader(SEQ_HEADER, Long.toString(change.seq()));
    if (change.before() != null) {
      options.addHeader(BEFORE_HEADER, change.before().encode());
    }
    vertx.eventBus().publish(Addresses.changes(change.model()), change.toJson(), options);
  }

  /**
   * Registers a listener of {@code model}'s changes, called on {@code context}. It receives every
   * change dispatched after the returned seq (the last one dispatched before it registered).
   */
  public long listen(String model, Context context, Listener listener) {
    Sequencer sequencer = sequencer(model);
    synchronized (sequencer) {
      listeners.get(model).add(new Registration(context, listener));
      return sequencer.dispatched();
    }
  }

  /** Removes every registration of {@code listener}. */
  public void unlisten(Listener listener) {
    listeners.values().forEach(list -> list.removeIf(r -> r.listener() == listener));
  }

  /** Stops dispatching and unregisters the consumers. */
  public Future<Void> stop() {
    sequencers.values().forEach(Sequencer::stop);
    List<Future<Void>> done = new ArrayList<>();
    consumers.forEach(c -> done.add(c.unregister()));
    return Future.join(done).mapEmpty();
  }

  /** A change as it arrives on the event bus. */
  public static Change decode(String model, Message<JsonObject> message) {
    String seq = message.headers().get(SEQ_HEADER);
    String before = message.headers().get(BEFORE_HEADER);
    return Change.fromJson(model, message.body(), seq == null ? 0 : Long.parseLong(seq))
        .withBefore(before == null ? null : new JsonObject(before));
  }

  private Sequencer sequencer(String model) {
    Sequencer sequencer = sequencers.get(model);
    if (sequencer == null) {
      throw new IllegalArgumentException("unknown model " + model);
    }
    return sequencer;
  }
}
