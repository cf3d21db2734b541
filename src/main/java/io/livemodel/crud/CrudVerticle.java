package io.livemodel.crud;

import io.livemodel.model.ApiError;
import io.livemodel.stream.Addresses;
import io.livemodel.stream.ChangeBus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the writes of this node: takes {@link WriteRequest}s from {@link WriteClient}s on the
 * node-local address {@link Addresses#CRUD} and runs them through the {@link WriteService}, which
 * publishes their changes after commit. One instance per node.
 */
public final class CrudVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(CrudVerticle.class.getName());

  private final WriteService writes;

  /** @param operations the node's LoopBack semantics, on its store */
  public CrudVerticle(ModelOperations operations, ChangeBus bus) {
    this.writes = new WriteService(operations, bus);
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().registerDefaultCodec(WriteRequest.class, new LocalCodec<>(WriteRequest.class));
    vertx.eventBus().registerDefaultCodec(WriteReply.class, new LocalCodec<>(WriteReply.class));
    MessageConsumer<WriteRequest> consumer = vertx.eventBus().localConsumer(Addresses.CRUD, this::handle);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    vertx.eventBus().unregisterDefaultCodec(WriteRequest.class);
    vertx.eventBus().unregisterDefaultCodec(WriteReply.class);
    return Future.succeededFuture();
  }

  private void handle(Message<WriteRequest> message) {
    WriteRequest request = message.body();
    writes.write(request).onComplete(result -> {
      if (result.succeeded()) {
        message.reply(WriteReply.of(result.result()));
      } else {
        if (!(result.cause() instanceof ApiError)) {
          LOG.log(Level.WARNING, "write " + request.op() + " on " + request.model().name() + " failed", result.cause());
        }
        message.reply(WriteReply.failed(result.cause()));
      }
    });
  }
}
