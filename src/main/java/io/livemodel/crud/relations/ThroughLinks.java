package io.livemodel.crud.relations;

import io.livemodel.relation.RelationDefinition;
import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.WriteOp;
import io.livemodel.model.ApiError;
import io.livemodel.model.Instances;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * juggler's {@code HasManyThrough.add/remove/exists}: the rows of the through model that link one
 * parent to one target ({@code keyTo} = the parent's key, {@code keyThrough} = the target id from the
 * path, coerced to the target's id type when it can be, as the through model's belongsTo would).
 */
final class ThroughLinks {

  private final RelationWrites writes;
  private final ModelOperations ops;
  private final RelationDefinition relation;

  ThroughLinks(RelationWrites writes, ModelOperations ops, RelationDefinition relation) {
    this.writes = writes;
    this.ops = ops;
    this.relation = relation;
  }

  /** {@code __link__}: the existing link, or a new through row with the body's other properties. */
  Future<Object> link(JsonObject parent, String fk, Object body) {
    if (body != null && !(body instanceof JsonObject)) {
      return Future.failedFuture(ApiError.badRequest("Value is not an object: the request body for "
          + relation.through().name() + " must be a JSON object"));
    }
    if (Instances.coerceId(relation.to(), fk) == null) {
      // LoopBack would store the text as the key; a link that can never match is refused instead
      return Future.failedFuture(ApiError.badRequest("\"" + fk + "\" is not a valid " + relation.to().name()
          + " id for " + relation.keyThrough()));
    }
    JsonObject keys = keys(parent, fk);
    return rows(keys, 1).compose(found -> {
      if (!found.isEmpty()) {
        return Future.succeededFuture(found.get(0));
      }
      JsonObject data = body == null ? new JsonObject() : ((JsonObject) body).copy();
      keys.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
      return writes.write(relation.through(), WriteOp.CREATE, null, data);
    });
  }

  /**
   * {@code __create__} on a through relation (juggler's {@code HasManyThrough.create}): creates the
   * target(s) in one write, then links each; when a link cannot be made, the links made so far and
   * the targets are deleted again before the error is answered, so no orphan row stays.
   */
  Future<Object> create(JsonObject parent, Object body) {
    return writes.write(relation.to(), WriteOp.CREATE, null, body).compose(created -> {
      List<JsonObject> targets = created instanceof JsonArray array
          ? array.stream().map(JsonObject.class::cast).toList() : List.of((JsonObject) created);
      List<Object> links = new ArrayList<>();
      Future<Object> chain = Future.succeededFuture();
      for (JsonObject target : targets) {
        String id = String.valueOf(target.getValue(relation.to().idName()));
        chain = chain.compose(v -> link(parent, id, null)).map(link -> {
          links.add(((JsonObject) link).getValue(relation.through().idName()));
          return null;
        });
      }
      return chain.map(v -> created).recover(failure -> {
        Future<Object> undo = Future.succeededFuture();
        for (Object link : links) {
          undo = undo.compose(v -> delete(relation.through(), link));
        }
        for (JsonObject target : targets) {
          undo = undo.compose(v -> delete(relation.to(), target.getValue(relation.to().idName())));
        }
        return undo.transform(v -> Future.failedFuture(failure));
      });
    });
  }

  private Future<Object> delete(ModelDefinition model, Object id) {
    return writes.write(model, WriteOp.DELETE_BY_ID, id, null);
  }

  /** {@code __unlink__}: deletes every link between the two (204). */
  Future<Object> unlink(JsonObject parent, String fk) {
    return rows(keys(parent, fk), 0).compose(this::deleteRows);
  }

  /** {@code __delete__}: the scope of a through relation is on the through model, so its links go. */
  Future<Object> unlinkAll(JsonObject parent) {
    return rows(new JsonObject().put(relation.keyTo(), parent.getValue(relation.keyFrom())), 0)
        .compose(this::deleteRows);
  }

  /** {@code __destroyById__}: the link, then the target itself; 404 when they are not linked. */
  Future<Object> destroy(JsonObject parent, String fk) {
    return rows(keys(parent, fk), 0).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiError.notFound("No record found in " + relation.through().name() + " for ("
            + relation.from().name() + "." + parent.getValue(relation.keyFrom()) + " ," + relation.to().name()
            + "." + fk + ")"));
      }
      return deleteRows(found).compose(v -> delete(relation.to(), fk)).map(RelationRoutes.NO_CONTENT);
    });
  }

  private Future<Object> deleteRows(List<JsonObject> found) {
    Future<Object> chain = Future.succeededFuture();
    for (JsonObject row : found) {
      chain = chain.compose(v -> delete(relation.through(), row.getValue(relation.through().idName())));
    }
    return chain.map(RelationRoutes.NO_CONTENT);
  }

  /** {@code __exists__} over HEAD: 200 when linked, else loopback's 404 naming the parent's id. */
  Future<Object> exists(JsonObject parent, String fk, String parentRawId) {
    return rows(keys(parent, fk), 1).compose(found -> found.isEmpty()
        ? Future.failedFuture(ApiError.modelNotFound(relation.from().name(), parentRawId))
        : Future.succeededFuture(true));
  }

  private JsonObject keys(JsonObject parent, String fk) {
    Object target = Instances.coerceId(relation.to(), fk);
    return new JsonObject().put(relation.keyTo(), parent.getValue(relation.keyFrom()))
        .put(relation.keyThrough(), target == null ? fk : target);
  }

  private Future<List<JsonObject>> rows(JsonObject where, int limit) {
    JsonObject filter = new JsonObject().put("where", where);
    if (limit > 0) {
      filter.put("limit", limit);
    }
    return ops.find(relation.through(), filter);
  }
}
