package io.livemodel.crud;

import io.livemodel.store.Change;
import io.livemodel.stream.ChangeBus;
import io.vertx.core.Future;

/**
 * The one place writes happen: runs a write with LoopBack's semantics ({@link ModelOperations}),
 * and after its commit publishes every change it made on the node's {@link ChangeBus}, before the
 * write's answer is returned. A failed write publishes nothing. Only the {@link CrudVerticle} calls
 * it; transports send their writes there through a {@link WriteClient}.
 *
 * <p>Thread-safe: holds no state of its own.
 */
final class WriteService {

  private final ModelOperations operations;
  private final ChangeBus bus;

  WriteService(ModelOperations operations, ChangeBus bus) {
    this.operations = operations;
    this.bus = bus;
  }

  /** The write's JSON answer, or its failure (an ApiError for the client's errors). */
  Future<Object> write(WriteRequest request) {
    Future<WriteRequest> prepared = request.model().isUserModel()
        ? UserWrites.prepare(request, operations) : Future.succeededFuture(request);
    return prepared.compose(ready -> operations.write(ready.model(), ready)).map(committed -> {
      // Published first, as LoopBack does: the change is queued on every hub of this node before
      // the answer is, so a stream opened after the answer never receives this change.
      for (Change change : committed.changes()) {
        bus.publish(change);
      }
      return committed.value();
    }).compose(answer -> request.model().isUserModel() && request.op() == WriteOp.DELETE_BY_ID
        ? UserWrites.afterDelete(request, answer, operations, this::write).map(answer) : Future.succeededFuture(answer));
  }
}
