package io.livemodel.bridge;

import io.livemodel.crud.access.AccessControl;
import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.WriteClient;
import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.stream.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Request-reply CRUD for bridge clients, when {@code bridge.inboundCrud} is on: a {@code send} with a
 * reply handler to {@code crud.<Model>} whose body is {@code {"op":..., "id":..., "data":...,
 * "where":..., "filter":...}} runs that PersistedModel method with LoopBack's semantics, exactly as
 * the REST route would (writes through the node's CRUD verticle, so they emit the same changes).
 *
 * <p>The reply is the REST answer's JSON. A failure is a reply failure whose code is the HTTP status
 * and whose message is the LoopBack error body, JSON-encoded ({@code {"error":{...}}}).
 *
 * <p>Ops: reads {@code find} (filter), {@code findById} (id, filter), {@code findOne} (filter),
 * {@code count} (where), {@code exists} (id); writes {@code create} (data: object or array),
 * {@code replaceOrCreate} (data), {@code patchOrCreate} or {@code upsert} (data), {@code replaceById}
 * (id, data), {@code patchAttributes} (id, data), {@code upsertWithWhere} (where, data),
 * {@code updateAll} (where, data), {@code deleteById} (id).
 */
final class BridgeCrud {

  private static final Logger LOG = Logger.getLogger(BridgeCrud.class.getName());

  private final WriteClient writes;
  private final ModelOperations operations;
  private final AccessControl access;

  private BridgeCrud(WriteClient writes, ModelOperations operations, AccessControl access) {
    this.writes = writes;
    this.operations = operations;
    this.access = access;
  }

  /**
   * Registers one node-local consumer per model on the caller's context (a verticle's consumers go
   * away when it is undeployed). A request is served by the node its client is connected to.
   */
  static void register(Vertx vertx, ModelRegistry models, ModelOperations operations, AccessControl access) {
    BridgeCrud crud = new BridgeCrud(new WriteClient(vertx), operations, access);
    for (ModelDefinition model : models.all()) {
      vertx.eventBus().<Object>localConsumer(Addresses.bridgeCrud(model.name()), message -> crud.handle(model, message));
    }
  }

  private void handle(ModelDefinition model, Message<Object> message) {
    Future<?> answer;
    try {
      if (!(message.body() instanceof JsonObject request)) {
        throw ApiError.badRequest("a CRUD request must be a JSON object {op, id?, data?, where?, filter?}");
      }
      answer = authorized(model, request, message.headers().get("access_token"))
          .compose(v -> run(model, request));
    } catch (ApiError e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result());
      } else {
        ApiError error = done.cause() instanceof ApiError api ? api : ApiError.internal("Internal Server Error");
        if (!(done.cause() instanceof ApiError)) {
          LOG.log(Level.WARNING, "bridge CRUD request on " + model.name() + " failed", done.cause());
        }
        message.fail(error.statusCode(), error.toJson().encode());
      }
    });
  }

  private Future<?> run(ModelDefinition model, JsonObject request) {
    String op = request.getValue("op") instanceof String s ? s : "";
    Object rawId = request.getValue("id");
    String id = rawId == null ? null : String.valueOf(rawId);
    Object data = request.getValue("data");
    Object where = request.getValue("where");
    Object filter = request.getValue("filter");
    return switch (op) {
      case "find" -> operations.find(model, filter);
      case "findById" -> operations.findById(model, required(id, op), filter);
      case "findOne" -> operations.findOne(model, filter);
      case "count" -> operations.count(model, where).map(n -> new JsonObject().put("count", n));
      case "exists" -> operations.exists(model, required(id, op)).map(e -> new JsonObject().put("exists", e));
      case "create" -> write(model, WriteOp.CREATE, null, data, null);
      case "replaceOrCreate" -> write(model, WriteOp.REPLACE_OR_CREATE, null, data, null);
      case "patchOrCreate", "upsert" -> write(model, WriteOp.PATCH_OR_CREATE, null, data, null);
      case "replaceById" -> write(model, WriteOp.REPLACE_BY_ID, required(id, op), data, null);
      case "patchAttributes" -> write(model, WriteOp.PATCH_BY_ID, required(id, op), data, null);
      case "upsertWithWhere" -> write(model, WriteOp.UPSERT_WITH_WHERE, null, data, where);
      case "updateAll" -> write(model, WriteOp.UPDATE_ALL, null, data, where);
      case "deleteById" -> write(model, WriteOp.DELETE_BY_ID, required(id, op), null, null);
      default -> throw ApiError.badRequest("unknown op \"" + op + "\" (expected find, findById, findOne, count, "
          + "exists, create, replaceOrCreate, patchOrCreate, replaceById, patchAttributes, upsertWithWhere, "
          + "updateAll or deleteById)");
    };
  }

  /**
   * The same ACL check as the REST route of the op (the token from the message's {@code access_token}
   * header; {@code $owner} from the request's {@code id}, which names the instance as a REST path does).
   */
  private Future<Void> authorized(ModelDefinition model, JsonObject request, String tokenId) {
    if (access == null || access.isOpen(model)) {
      return Future.succeededFuture();
    }
    String op = request.getValue("op") instanceof String s ? s : "";
    String method = op.equals("upsert") ? "patchOrCreate" : op;
    boolean byId = op.equals("findById") || op.equals("exists") || op.equals("replaceById")
        || op.equals("patchAttributes") || op.equals("deleteById");
    String id = byId && request.getValue("id") != null ? String.valueOf(request.getValue("id")) : null;
    return access.authorize(model, method, tokenId, id).mapEmpty();
  }

  private Future<Object> write(ModelDefinition model, WriteOp op, String id, Object data, Object where) {
    return writes.write(new WriteRequest(model, op, id, data, where));
  }

  private static String required(String id, String op) {
    if (id == null) {
      throw ApiError.badRequest(op + " needs an id");
    }
    return id;
  }
}
