package io.livemodel.crud;

import io.livemodel.stream.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * How transports (REST, bridge, code embedding LiveModel) write: every write goes to the node's
 * {@link CrudVerticle}, which owns the node's writes. Thread-safe.
 */
public final class WriteClient {

  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Vertx vertx;

  public WriteClient(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Runs a write: the written value, or the write's failure (an ApiError for the client's errors).
   * Its changes have been published when the answer arrives.
   */
  public Future<Object> write(WriteRequest request) {
    return vertx.eventBus().<WriteReply>request(Addresses.CRUD, request, LOCAL).compose(reply -> {
      WriteReply body = reply.body();
      return body.error() != null ? Future.failedFuture(body.error()) : Future.succeededFuture(body.value());
    });
  }
}
