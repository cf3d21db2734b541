package io.livemodel.stream;

import io.livemodel.model.ModelDefinition;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

/**
 * The server-side {@code Model.createChangeStream(options)} of LoopBack, for code embedding
 * LiveModel: a {@link ReadStream} of change objects ({@code {target, where, data, type}}) of one
 * model, filtered by {@code options} as the REST change stream is. In a cluster it sees the changes
 * of every node. Close it with {@link #close(ReadStream)} (or by ending the consumer).
 */
public final class ChangeStreams {

  private ChangeStreams() {
  }

  /** A change stream; its {@link ReadStream#endHandler} is not called until it is closed. */
  public static ReadStream<JsonObject> createChangeStream(Vertx vertx, ModelDefinition model, JsonObject options) {
    ChangeFilter filter = ChangeFilter.of(model, options);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.changes(model.name()));
    return new Filtered(consumer, filter);
  }

  /** Closes a stream made by {@link #createChangeStream}; completes when it is unregistered. */
  public static Future<Void> close(ReadStream<JsonObject> stream) {
    return ((Filtered) stream).consumer.unregister();
  }

  /** Completes when a stream made by {@link #createChangeStream} receives changes cluster-wide. */
  public static Future<Void> ready(ReadStream<JsonObject> stream) {
    return ((Filtered) stream).consumer.completion();
  }

  private static final class Filtered implements ReadStream<JsonObject> {
    private final MessageConsumer<JsonObject> consumer;
    private final ReadStream<JsonObject> bodies;
    private final ChangeFilter filter;

    Filtered(MessageConsumer<JsonObject> consumer, ChangeFilter filter) {
      this.consumer = consumer;
      this.bodies = consumer.bodyStream();
      this.filter = filter;
    }

    @Override
    public ReadStream<JsonObject> exceptionHandler(Handler<Throwable> handler) {
      bodies.exceptionHandler(handler);
      return this;
    }

    @Override
    public ReadStream<JsonObject> handler(Handler<JsonObject> handler) {
      if (handler == null) {
        bodies.handler(null);
      } else {
        bodies.handler(change -> {
          JsonObject out = filter.apply(change);
          if (out != null) {
            handler.handle(out);
          }
        });
      }
      return this;
    }

    @Override
    public ReadStream<JsonObject> pause() {
      bodies.pause();
      return this;
    }

    @Override
    public ReadStream<JsonObject> resume() {
      bodies.resume();
      return this;
    }

    @Override
    public ReadStream<JsonObject> fetch(long amount) {
      bodies.fetch(amount);
      return this;
    }

    @Override
    public ReadStream<JsonObject> endHandler(Handler<Void> endHandler) {
      bodies.endHandler(endHandler);
      return this;
    }
  }
}
