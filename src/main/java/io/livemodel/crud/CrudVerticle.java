package io.livemodel.crud;

import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.ops.StreamMetrics;
import io.livemodel.store.Committed;
import io.livemodel.stream.Addresses;
import io.livemodel.stream.Change;
import io.livemodel.stream.ChangeHub;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the writes of this node: takes {@link WriteRequest}s from the node-local address
 * {@link Addresses#CRUD}, runs them through {@link ModelOperations}, and after each commit publishes
 * every change on its model's (clustered) change address, before answering the write. One instance
 * per node.
 */
public final class CrudVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(CrudVerticle.class.getName());
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final ModelRegistry models;
  private final ModelOperations operations;

  public CrudVerticle(ModelRegistry models, ModelOperations operations) {
    this.models = models;
    this.operations = operations;
  }

  /**
   * Sends a write to this node's CRUD verticle: the written value, or the write's failure (an
   * {@link ApiError} for the client's errors).
   */
  public static Future<Object> write(Vertx vertx, WriteRequest request) {
    return vertx.eventBus().<WriteReply>request(Addresses.CRUD, request, LOCAL).compose(reply -> {
      WriteReply body = reply.body();
      return body.error() != null ? Future.failedFuture(body.error()) : Future.succeededFuture(body.value());
    });
  }

  @Override
  public Future<?> start() {
    MessageConsumer<WriteRequest> consumer = vertx.eventBus().localConsumer(Addresses.CRUD, this::handle);
    return consumer.completion();
  }

  private void handle(Message<WriteRequest> message) {
    WriteRequest request = message.body();
    ModelDefinition model = models.byName(request.model());
    if (model == null) {
      message.reply(WriteReply.failed(ApiError.notFound("There is no model " + request.model())));
      return;
    }
    operations.write(model, request).onComplete(result -> {
      if (result.succeeded()) {
        // Publish first, as LoopBack does: the change is queued on every HTTP verticle before the
        // answer is, so a stream opened after the answer never receives this change.
        publish(result.result());
        message.reply(WriteReply.of(result.result().value()));
      } else {
        if (!(result.cause() instanceof ApiError)) {
          LOG.log(Level.WARNING, "write " + request.op() + " on " + request.model() + " failed", result.cause());
        }
        message.reply(WriteReply.failed(result.cause()));
      }
    });
  }

  private void publish(Committed<Object> committed) {
    EventBus bus = vertx.eventBus();
    for (Change change : committed.changes()) {
      DeliveryOptions options = new DeliveryOptions().addHeader(ChangeHub.SEQ_HEADER, Long.toString(change.seq()));
      bus.publish(Addresses.changes(change.model()), change.toJson(), options);
      StreamMetrics.current().changePublished(change.model());
    }
  }
}
