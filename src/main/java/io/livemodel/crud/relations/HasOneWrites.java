package io.livemodel.crud.relations;

import io.livemodel.relation.RelationDefinition;
import io.livemodel.relation.Relations;
import io.livemodel.relation.IncludeParser;
import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.WriteOp;
import io.livemodel.model.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * juggler's {@code HasOne.create/update/destroy} behind {@code POST|PUT|DELETE /:id/<hasOne>}.
 * LoopBack answers a second create and an update or delete of an empty relation with a 500; these
 * are client mistakes, so LiveModel answers 409 and 404 (with LoopBack's messages).
 */
final class HasOneWrites {

  private final RelationWrites writes;
  private final ModelOperations ops;
  private final RelationDefinition relation;

  HasOneWrites(RelationWrites writes, ModelOperations ops, RelationDefinition relation) {
    this.writes = writes;
    this.ops = ops;
    this.relation = relation;
  }

  /** Creates the related row with the parent's key, unless there is one already (409). */
  Future<Object> create(JsonObject parent, Object body) {
    if (body != null && !(body instanceof JsonObject)) {
      return Future.failedFuture(ApiError.badRequest("Value is not an object: the request body for "
          + relation.to().name() + " must be a JSON object"));
    }
    Object key = parent.getValue(relation.keyFrom());
    return current(parent).compose(found -> {
      if (!found.isEmpty()) {
        return Future.failedFuture(new ApiError(409, "Error", "HasOne relation cannot create more than one instance of "
            + relation.to().name(), null, null));
      }
      JsonObject data = body == null ? new JsonObject() : ((JsonObject) body).copy();
      return writes.write(relation.to(), WriteOp.CREATE, null, data.put(relation.keyTo(), key));
    });
  }

  /** Merges the body into the related row (its foreign key cannot change). */
  Future<Object> update(JsonObject parent, Object body) {
    return existing(parent).compose(row -> {
      if (body instanceof JsonObject data && data.containsKey(relation.keyTo())
          && !Relations.sameKey(data.getValue(relation.keyTo()), row.getValue(relation.keyTo()))) {
        return Future.failedFuture(ApiError.badRequest("Cannot override foreign key " + relation.keyTo() + " from "
            + row.getValue(relation.keyTo()) + " to " + data.getValue(relation.keyTo())));
      }
      return writes.write(relation.to(), WriteOp.PATCH_BY_ID, row.getValue(relation.to().idName()), body);
    });
  }

  /** Deletes the related row (204). */
  Future<Object> destroy(JsonObject parent) {
    return existing(parent).compose(row -> writes.write(relation.to(), WriteOp.DELETE_BY_ID,
        row.getValue(relation.to().idName()), null)).map(RelationRoutes.NO_CONTENT);
  }

  private Future<JsonObject> existing(JsonObject parent) {
    return current(parent).compose(found -> found.isEmpty()
        ? Future.failedFuture(ApiError.notFound("HasOne relation " + relation.name() + " is empty"))
        : Future.succeededFuture(found.get(0)));
  }

  private Future<List<JsonObject>> current(JsonObject parent) {
    JsonObject filter = new JsonObject().put("where", new JsonObject().put(relation.keyTo(), parent.getValue(relation.keyFrom())))
        .put("limit", 1);
    IncludeParser.merge(filter, relation.scope());
    return ops.find(relation.to(), filter);
  }
}
