package io.livemodel.stream;

import io.livemodel.model.ModelDefinition;
import io.livemodel.store.ChangeLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fan-out of one verticle: ONE event-bus consumer per model, whatever the number of
 * subscribers. Per model a {@link ModelChannel} puts changes in sequence order and groups
 * subscribers by filter, so a change is filtered and encoded once per distinct filter and the same
 * buffer is written to every subscriber of the group.
 *
 * <p>Not thread-safe: create, use and close it on one verticle's event loop (consumers deliver there).
 */
public final class ChangeHub {

  /** The header carrying a change's sequence number (set by the CRUD verticle). */
  public static final String SEQ_HEADER = "seq";

  private final Vertx vertx;
  private final ChangeLog log;
  private final long gapWaitMillis;
  private final SharedEncodings encodings;
  private final Map<String, ModelChannel> channels = new HashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private long heartbeatTimer = -1;

  /**
   * @param log where missed changes are read from (resume, gaps)
   * @param gapWaitMillis how long an out-of-order change waits for the ones before it
   * @param encodings the node's encodings, shared by its hubs
   */
  public ChangeHub(Vertx vertx, ChangeLog log, long gapWaitMillis, SharedEncodings encodings) {
    this.vertx = vertx;
    this.log = log;
    this.gapWaitMillis = gapWaitMillis;
    this.encodings = encodings;
  }

  /**
   * Registers one consumer per model, learns each model's latest seq and starts heartbeats;
   * completes when every consumer is registered (cluster-wide in clustered mode). Call it on the
   * verticle's event loop.
   */
  public Future<Void> start(Collection<ModelDefinition> models, int heartbeatSeconds) {
    Context context = vertx.getOrCreateContext();
    List<Future<Void>> ready = new ArrayList<>();
    for (ModelDefinition model : models) {
      ModelChannel channel = new ModelChannel(model, log, context, gapWaitMillis, encodings);
      channels.put(model.name(), channel);
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.changes(model.name()), message -> {
        String seq = message.headers().get(SEQ_HEADER);
        channel.arrive(message.body(), seq == null ? 0 : Long.parseLong(seq));
      });
      consumers.add(consumer);
      ready.add(consumer.completion().compose(v -> channel.start()));
    }
    if (heartbeatSeconds > 0) {
      long interval = heartbeatSeconds * 1000L;
      heartbeatTimer = vertx.setPeriodic(Math.max(250, interval / 4), id -> heartbeat(interval));
    }
    return Future.all(ready).mapEmpty();
  }

  /** Adds a live subscriber: it receives every change dispatched from now on. */
  public void subscribe(String modelName, Subscriber subscriber) {
    subscribe(modelName, subscriber, -1);
  }

  /**
   * Adds a subscriber that has seen the model's changes up to {@code afterSeq}: it first receives
   * what it missed from the change log, then live changes, with no gap and no duplicate. A negative
   * {@code afterSeq} means live only.
   */
  public void subscribe(String modelName, Subscriber subscriber, long afterSeq) {
    channel(modelName).subscribe(subscriber, afterSeq);
  }

  /** Removes a subscriber; idempotent. */
  public void unsubscribe(String modelName, Subscriber subscriber) {
    ModelChannel channel = channels.get(modelName);
    if (channel != null) {
      channel.unsubscribe(subscriber);
    }
  }

  /** Subscribers currently registered (for leak checks and metrics). */
  public int subscriberCount() {
    return channels.values().stream().mapToInt(ModelChannel::subscriberCount).sum();
  }

  /** Distinct filter groups currently held, over all models. */
  public int groupCount() {
    return channels.values().stream().mapToInt(ModelChannel::groupCount).sum();
  }

  public Future<Void> stop() {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    channels.values().forEach(ModelChannel::stop);
    List<Future<Void>> done = new ArrayList<>();
    consumers.forEach(c -> done.add(c.unregister()));
    return Future.all(done).mapEmpty();
  }

  private ModelChannel channel(String modelName) {
    ModelChannel channel = channels.get(modelName);
    if (channel == null) {
      throw new IllegalArgumentException("unknown model " + modelName);
    }
    return channel;
  }

  private void heartbeat(long intervalMillis) {
    long now = System.currentTimeMillis();
    channels.values().forEach(channel -> channel.heartbeat(now, intervalMillis));
  }
}
