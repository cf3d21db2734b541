package io.livemodel.crud;

import io.livemodel.filter.Filter;
import io.livemodel.filter.DefaultScopes;
import io.livemodel.filter.FilterParser;
import io.livemodel.filter.ReadInstances;
import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.model.Hidden;
import io.livemodel.model.Instances;
import io.livemodel.model.Instances.Mode;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.relation.IncludeLimits;
import io.livemodel.relation.Includes;
import io.livemodel.relation.RelationGraph;
import io.livemodel.relation.Visible;
import io.livemodel.store.Committed;
import io.livemodel.store.Store;
import io.livemodel.store.WriteTx;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The LoopBack semantics of every PersistedModel method (API.md sections 2 and 7), built once on the
 * {@link Store} primitives so that every store behaves alike. Thread-safe: holds no state of its own.
 */
public final class ModelOperations {

  private final Store store;
  private final Includes includes;
  private final RelationGraph relations;
  private final Visible visible;

  /** Operations on models without relations ({@code include} of anything is a 400). */
  public ModelOperations(Store store) {
    this(store, RelationGraph.EMPTY);
  }

  /** Operations whose reads can {@code include} the relations of {@code models}, within the default limits. */
  public ModelOperations(Store store, ModelRegistry models) {
    this(store, models, IncludeLimits.DEFAULTS);
  }

  /** Operations whose reads can {@code include} the relations of {@code models} within {@code limits}. */
  public ModelOperations(Store store, ModelRegistry models, IncludeLimits limits) {
    this(store, RelationGraph.of(models), limits);
  }

  private ModelOperations(Store store, RelationGraph relations) {
    this(store, relations, IncludeLimits.DEFAULTS);
  }

  private ModelOperations(Store store, RelationGraph relations, IncludeLimits limits) {
    this.store = store;
    this.relations = relations;
    this.includes = new Includes(store, relations, limits);
    this.visible = new Visible(relations);
  }

  /** The store the operations run on (reads that need stored rows as they are, e.g. password hashes). */
  public Store store() {
    return store;
  }

  /** The relations reads can include (and the relation routes serve). */
  public RelationGraph relations() {
    return relations;
  }

  // ---- reads ------------------------------------------------------------------------------------

  public Future<List<JsonObject>> find(ModelDefinition model, Object rawFilter) {
    Filter filter = FilterParser.parse(rawFilter, model);
    Includes.Plan include = includes.plan(model, filter);
    return store.find(model, filter).map(found -> ReadInstances.apply(model, found, filter.fields()))
        .compose(include::apply).map(rows -> visible.top(model, rows));
  }

  public Future<JsonObject> findById(ModelDefinition model, String rawId, Object rawFilter) {
    Filter filter = FilterParser.parse(rawFilter, model);
    Includes.Plan include = includes.plan(model, filter);
    Object id = Instances.coerceId(model, rawId);
    if (id == null) {
      return Future.failedFuture(ApiError.modelNotFound(model.name(), rawId));
    }
    return store.findById(model, id).map(found -> {
      if (found == null || !DefaultScopes.admits(model, found)) {
        throw ApiError.modelNotFound(model.name(), rawId);
      }
      return ReadInstances.apply(model, filter.fields() == null ? found : filter.fields().project(found), filter.fields());
    }).compose(include::applyOne).map(row -> visible.top(model, row));
  }

  public Future<JsonObject> findOne(ModelDefinition model, Object rawFilter) {
    Filter parsed = FilterParser.parse(rawFilter, model);
    Includes.Plan include = includes.plan(model, parsed);
    Filter one = new Filter(parsed.where(), parsed.order(), 1, parsed.skip(), parsed.fields());
    return store.find(model, one).map(found -> {
      if (found.isEmpty()) {
        throw ApiError.modelNotFound(model.name(), "undefined");
      }
      return ReadInstances.apply(model, found.get(0), one.fields());
    }).compose(include::applyOne).map(row -> visible.top(model, row));
  }

  public Future<Boolean> exists(ModelDefinition model, String rawId) {
    Object id = Instances.coerceId(model, rawId);
    if (id == null) {
      return Future.succeededFuture(false);
    }
    return store.findById(model, id).map(found -> found != null && DefaultScopes.admits(model, found));
  }

  public Future<Long> count(ModelDefinition model, Object rawWhere) {
    return store.count(model, FilterParser.parseScopedWhere(rawWhere, model));
  }

  // ---- writes -----------------------------------------------------------------------------------

  /**
   * Runs one write request; the value is the JSON answer, the changes are what to publish. Only the
   * {@link WriteService} calls it: it publishes the changes after commit.
   */
  Future<Committed<Object>> write(ModelDefinition model, WriteRequest request) {
    try {
      return switch (request.op()) {
        case CREATE -> create(model, request.data());
        case REPLACE_OR_CREATE -> upsert(model, body(model, request.data()), false);
        case PATCH_OR_CREATE -> upsert(model, body(model, request.data()), true);
        case REPLACE_BY_ID -> replaceById(model, request.id(), body(model, request.data()));
        case PATCH_BY_ID -> patchById(model, request.id(), body(model, request.data()));
        case UPSERT_WITH_WHERE -> upsertWithWhere(model, request.where(), body(model, request.data()));
        case UPDATE_ALL -> updateAll(model, request.where(), body(model, request.data()));
        case DELETE_BY_ID -> deleteById(model, request.id());
      };
    } catch (ApiError e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Committed<Object>> create(ModelDefinition model, Object data) {
    if (data instanceof JsonArray array) {
      return createMany(model, array);
    }
    JsonObject instance = Instances.prepare(model, body(model, data), Mode.CREATE);
    return store.write(model, tx -> insert(tx, model, instance).map(saved -> (Object) saved));
  }

  /** Deviation from LoopBack: every item is validated before any is saved (422, nothing saved). */
  private Future<Committed<Object>> createMany(ModelDefinition model, JsonArray items) {
    List<JsonObject> prepared = new ArrayList<>();
    JsonArray details = new JsonArray();
    boolean failed = false;
    for (Object item : items) {
      if (!(item instanceof JsonObject object)) {
        throw ApiError.badRequest("Value is not an object: array items must be JSON objects, not " + item);
      }
      try {
        prepared.add(Instances.prepare(model, object, Mode.CREATE));
        details.addNull();
      } catch (ApiError e) {
        failed = true;
        details.add(e.toJson().getJsonObject("error"));
      }
    }
    if (failed) {
      throw new ApiError(422, "ValidationError",
          "Failed with multiple errors, see `details` for more information.", null, details);
    }
    return store.write(model, tx -> {
      Future<JsonArray> saved = Future.succeededFuture(new JsonArray());
      for (JsonObject instance : prepared) {
        saved = saved.compose(list -> insert(tx, model, instance).map(list::add));
      }
      return saved.map(list -> (Object) list);
    });
  }

  /** PUT/PATCH on the collection and POST /replaceOrCreate: update when the id exists, else create. */
  private Future<Committed<Object>> upsert(ModelDefinition model, JsonObject data, boolean merge) {
    Object rawId = data.getValue(model.idName());
    if (rawId == null) {
      return create(model, data);
    }
    Object id = Instances.coerceId(model, rawId);
    return store.write(model, tx -> tx.findById(id).compose(existing -> {
      if (existing == null) {
        if (model.forceId() || id == null) {
          return Future.failedFuture(ApiError.notFound(
              "Could not update attributes. Object with id " + rawId + " does not exist!"));
        }
        return insert(tx, model, Instances.prepare(model, data, Mode.CREATE));
      }
      JsonObject next = (merge ? merged(existing, data) : data.copy()).put(model.idName(), id);
      return update(tx, model, id, existing, Instances.prepare(model, next, merge ? Mode.PATCH : Mode.REPLACE));
    }).map(saved -> (Object) saved));
  }

  private Future<Committed<Object>> replaceById(ModelDefinition model, String rawId, JsonObject data) {
    Object id = Instances.coerceId(model, rawId);
    return store.write(model, tx -> findExisting(tx, id).compose(existing -> {
      if (existing == null) {
        return Future.failedFuture(ApiError.notFound(
            "Could not replace. Object with id " + rawId + " does not exist!"));
      }
      JsonObject next = data.copy().put(model.idName(), id);
      return update(tx, model, id, existing, Instances.prepare(model, next, Mode.REPLACE));
    }).map(saved -> (Object) saved));
  }

  private Future<Committed<Object>> patchById(ModelDefinition model, String rawId, JsonObject data) {
    Object id = Instances.coerceId(model, rawId);
    Object bodyId = data.getValue(model.idName());
    return store.write(model, tx -> findExisting(tx, id).compose(existing -> {
      if (existing == null || !DefaultScopes.admits(model, existing)) {
        return Future.failedFuture(ApiError.modelNotFound(model.name(), rawId));
      }
      if (bodyId != null && model.forceId() && !id.equals(Instances.coerceId(model, bodyId))) {
        return Future.failedFuture(ApiError.badRequest("id cannot be updated from " + id + " to " + bodyId
            + " when forceId is set to true"));
      }
      JsonObject next = merged(existing, data).put(model.idName(), id);
      return update(tx, model, id, existing, Instances.prepare(model, next, Mode.PATCH));
    }).map(saved -> (Object) saved));
  }

  private Future<Committed<Object>> upsertWithWhere(ModelDefinition model, Object rawWhere, JsonObject data) {
    Where where = FilterParser.parseScopedWhere(rawWhere, model);
    Instances.prepare(model, withoutId(model, data), Mode.PATCH);
    return store.write(model, tx -> tx.find(where).compose(matches -> {
      if (matches.isEmpty()) {
        return insert(tx, model, Instances.prepare(model, data, Mode.CREATE));
      }
      if (matches.size() > 1) {
        return Future.failedFuture(ApiError.badRequest(
            "There are multiple instances found.Upsert Operation will not be performed!"));
      }
      JsonObject existing = matches.get(0);
      Object id = existing.getValue(model.idName());
      JsonObject next = merged(existing, withoutId(model, data));
      return update(tx, model, id, existing, Instances.prepare(model, next, Mode.PATCH));
    }).map(saved -> (Object) saved));
  }

  /**
   * Deviations from LoopBack: {@code where} is required (400), and one {@code update} change is
   * emitted per matched instance, carrying the full instance after the write.
   */
  private Future<Committed<Object>> updateAll(ModelDefinition model, Object rawWhere, JsonObject data) {
    if (rawWhere == null || (rawWhere instanceof String s && s.isEmpty())) {
      throw ApiError.badRequest("The where argument is required by updateAll (use where={} to update all instances)");
    }
    Where where = FilterParser.parseScopedWhere(rawWhere, model);
    JsonObject patch = Instances.prepare(model, withoutId(model, data), Mode.COERCE_ONLY);
    return store.write(model, tx -> tx.find(where).compose(matches -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject existing : matches) {
        Object id = existing.getValue(model.idName());
        chain = chain.compose(v -> update(tx, model, id, existing, merged(existing, patch)).mapEmpty());
      }
      return chain.map(v -> (Object) new JsonObject().put("count", matches.size()));
    }));
  }

  /**
   * Deviation from LoopBack: deleting an unknown id emits no change. The instance is read first when
   * its model has a default scope (juggler's destroyById goes through destroyAll, which applies it)
   * or is the target of a hasMany relation (the remove carries its previous relation keys).
   */
  private Future<Committed<Object>> deleteById(ModelDefinition model, String rawId) {
    Object id = Instances.coerceId(model, rawId);
    boolean read = model.scope() != null || !relations.membershipKeys(model).isEmpty();
    return store.write(model, tx -> {
      if (id == null) {
        return Future.succeededFuture((Object) new JsonObject().put("count", 0));
      }
      Future<JsonObject> existing = read ? tx.findById(id) : Future.succeededFuture();
      return existing.compose(found -> read && (found == null || !DefaultScopes.admits(model, found))
          ? Future.succeededFuture(false) : tx.delete(id)).map(deleted -> {
        if (deleted) {
          tx.emit(new Change(model.name(), Change.REMOVE, id, new JsonObject().put(model.idName(), id), null, 0,
              before(model, existing.result())));
        }
        return (Object) new JsonObject().put("count", deleted ? 1 : 0);
      });
    });
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Saves; the answer and the change never carry the model's hidden properties (API.md section 8). */
  private static Future<JsonObject> insert(WriteTx tx, ModelDefinition model, JsonObject instance) {
    return tx.insert(instance).map(saved -> {
      JsonObject shown = Hidden.strip(model, saved);
      tx.emit(new Change(model.name(), Change.CREATE, saved.getValue(model.idName()), null, shown, 0));
      return shown;
    });
  }

  /** Saves {@code instance} over {@code existing}; the change carries the previous relation keys ({@link #before}). */
  private Future<JsonObject> update(WriteTx tx, ModelDefinition model, Object id, JsonObject existing,
                                    JsonObject instance) {
    return tx.update(id, instance).map(v -> {
      JsonObject shown = Hidden.strip(model, instance);
      tx.emit(new Change(model.name(), Change.UPDATE, id, null, shown, 0, before(model, existing)));
      return shown;
    });
  }

  /**
   * The previous values a relation change stream needs to see {@code existing} leave a relation
   * ({@link RelationGraph#membershipKeys}); null for a model no hasMany relation targets (nothing is
   * carried, nothing is paid). A key the instance did not have is left out (it was undefined).
   */
  private JsonObject before(ModelDefinition model, JsonObject existing) {
    List<String> keys = relations.membershipKeys(model);
    if (keys.isEmpty() || existing == null) {
      return null;
    }
    JsonObject before = new JsonObject();
    for (String key : keys) {
      if (existing.containsKey(key)) {
        before.put(key, existing.getValue(key));
      }
    }
    return before;
  }

  private static Future<JsonObject> findExisting(WriteTx tx, Object id) {
    return id == null ? Future.succeededFuture() : tx.findById(id);
  }

  private static JsonObject merged(JsonObject existing, JsonObject patch) {
    JsonObject next = existing.copy();
    patch.forEach(entry -> next.put(entry.getKey(), entry.getValue()));
    return next;
  }

  private static JsonObject withoutId(ModelDefinition model, JsonObject data) {
    if (!data.containsKey(model.idName())) {
      return data;
    }
    JsonObject copy = data.copy();
    copy.remove(model.idName());
    return copy;
  }

  /** A write body must be an object; null counts as empty (and then fails validation where required). */
  private static JsonObject body(ModelDefinition model, Object data) {
    if (data == null) {
      return new JsonObject();
    }
    if (data instanceof JsonObject object) {
      return object;
    }
    throw ApiError.badRequest("Value is not an object: the request body for " + model.name() + " must be a JSON object");
  }
}
