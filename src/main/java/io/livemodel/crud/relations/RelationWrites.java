package io.livemodel.crud.relations;

import io.livemodel.crud.WriteClient;
import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The relation routes' one way to write: an ordinary single-model write through the node's CRUD
 * verticle (validation, ids, change events and their order exactly as for the model's own routes).
 * Kept in one place so a change of the write API touches one line.
 */
final class RelationWrites {

  private final WriteClient writes;

  RelationWrites(Vertx vertx) {
    this.writes = new WriteClient(vertx);
  }

  /** Runs {@code op} on {@code model}: the written value, or the write's failure (ApiError). */
  Future<Object> write(ModelDefinition model, WriteOp op, Object id, Object data) {
    return writes.write(new WriteRequest(model, op, id == null ? null : String.valueOf(id), data, null));
  }
}
