package io.livemodel.crud.relations;

import io.livemodel.relation.RelationDefinition;
import io.livemodel.relation.RelationGraph;
import io.livemodel.relation.Relations;
import io.livemodel.relation.IncludeParser;
import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.WriteOp;
import io.livemodel.filter.FilterParser;
import io.livemodel.model.ApiError;
import io.livemodel.model.Instances;
import io.livemodel.model.ModelDefinition;
import io.livemodel.relation.RelationDefinition.Kind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * LoopBack's relation methods over REST, under {@code /api/<Plural>/:id/<relation>}, as loopback's
 * {@code Model.belongsToRemoting/hasOneRemoting/hasManyRemoting/scopeRemoting} define them:
 * <ul>
 *   <li>belongsTo, hasOne: {@code GET /:id/rel} ({@code __get__}); hasOne also {@code POST}, {@code PUT}
 *       and {@code DELETE} ({@link HasOneWrites});
 *   <li>hasMany (with or without through): {@code GET /:id/rel} with {@code filter} ({@code __get__}),
 *       {@code GET /:id/rel/count} with {@code where}, {@code GET /:id/rel/:fk} ({@code __findById__}),
 *       {@code PUT /:id/rel/:fk} ({@code __updateById__}, never changing the foreign key);
 *   <li>hasMany without through: {@code POST /:id/rel} ({@code __create__}, the foreign key set to the
 *       parent's id), {@code DELETE /:id/rel} ({@code __delete__}), {@code DELETE /:id/rel/:fk}
 *       ({@code __destroyById__});
 *   <li>through: {@code POST /:id/rel} (creates the target, then the link; undone when the link
 *       fails), {@code DELETE /:id/rel} (the scope's target is the through model: deletes the links),
 *       {@code DELETE /:id/rel/:fk} (the link, then the target), {@code PUT|DELETE|HEAD
 *       /:id/rel/rel/:fk} ({@code __link__}, {@code __unlink__}, {@code __exists__}).
 * </ul>
 * The parent is loaded first, as strong-remoting's shared constructor does: an unknown id is LoopBack's
 * 404 {@code could not find a model with id X}. Reads go through {@link ModelOperations} (so
 * {@code include} works in a relation's filter); writes through the CRUD verticle ({@link RelationWrites}).
 */
public final class RelationRoutes {

  /** The answer of a method that returns nothing: 204, as strong-remoting answers. */
  public static final Object NO_CONTENT = new Object();

  private final RelationWrites writes;
  private final ModelOperations ops;
  private final RelationGraph graph;

  public RelationRoutes(Vertx vertx, ModelOperations ops) {
    this.writes = new RelationWrites(vertx);
    this.ops = ops;
    this.graph = ops.relations();
  }

  /**
   * The answer of the relation method at {@code segments} ({@code [id, relation, ...]}), or null when
   * no relation method is there.
   *
   * @param arg a request argument by name ({@code filter}, {@code where}), from body, query or header
   */
  public Future<Object> route(ModelDefinition model, HttpMethod method, List<String> segments,
                              Function<String, Object> arg, Object body) {
    if (segments.size() < 2) {
      return null;
    }
    RelationDefinition relation = find(model, segments.get(1));
    if (relation == null) {
      return null;
    }
    List<String> tail = segments.subList(2, segments.size());
    boolean get = method == HttpMethod.GET || method == HttpMethod.HEAD;
    String first = tail.isEmpty() ? null : tail.get(0);
    Function<JsonObject, Future<Object>> action = null;
    if (!relation.multiple()) {
      HasOneWrites hasOne = new HasOneWrites(writes, ops, relation);
      boolean writable = tail.isEmpty() && relation.kind() == Kind.HAS_ONE;
      action = tail.isEmpty() && get ? parent -> single(relation, parent)
          : writable && method == HttpMethod.POST ? parent -> hasOne.create(parent, body)
          : writable && method == HttpMethod.PUT ? parent -> hasOne.update(parent, body)
          : writable && method == HttpMethod.DELETE ? hasOne::destroy : null;
    } else if (tail.isEmpty()) {
      boolean through = relation.kind() == Kind.HAS_MANY_THROUGH;
      ThroughLinks links = new ThroughLinks(writes, ops, relation);
      action = get ? parent -> list(relation, parent, arg.apply("filter"))
          : method == HttpMethod.POST ? (through ? parent -> links.create(parent, body) : parent -> create(relation, parent, body))
          : method == HttpMethod.DELETE ? (through ? links::unlinkAll : parent -> deleteAll(relation, parent)) : null;
    } else if (tail.size() == 1 && get && first.equalsIgnoreCase("count")) {
      action = parent -> count(relation, parent, arg.apply("where"));
    } else if (tail.size() == 1) {
      ThroughLinks links = new ThroughLinks(writes, ops, relation);
      action = get ? parent -> findById(relation, parent, first)
          : method == HttpMethod.PUT ? parent -> updateById(relation, parent, first, body)
          : method != HttpMethod.DELETE ? null
          : relation.kind() == Kind.HAS_MANY_THROUGH ? parent -> links.destroy(parent, first)
          : parent -> destroyById(relation, parent, first);
    } else if (tail.size() == 2 && first.equalsIgnoreCase("rel") && relation.kind() == Kind.HAS_MANY_THROUGH) {
      ThroughLinks links = new ThroughLinks(writes, ops, relation);
      action = method == HttpMethod.PUT ? parent -> links.link(parent, tail.get(1), body)
          : method == HttpMethod.DELETE ? parent -> links.unlink(parent, tail.get(1))
          : method == HttpMethod.HEAD ? parent -> links.exists(parent, tail.get(1), segments.get(0)) : null;
    }
    if (action == null) {
      return null;
    }
    Function<JsonObject, Future<Object>> run = action;
    return parent(model, segments.get(0)).compose(run::apply);
  }

  /** The relation of {@code model} named {@code segment} (case-insensitively, as the routes match it), or null. */
  public RelationDefinition find(ModelDefinition model, String segment) {
    for (RelationDefinition relation : graph.relations(model).values()) {
      if (relation.name().toLowerCase(Locale.ROOT).equals(segment.toLowerCase(Locale.ROOT))) {
        return relation;
      }
    }
    return null;
  }

  /**
   * The where that selects the rows of a hasMany relation (without through) of the parent
   * {@code rawId}: its foreign key and the relation's {@code scope.where}, as {@code GET /:id/rel}
   * selects them (without the target's default scope, which change streams do not apply). Fails
   * with LoopBack's 404 for an unknown parent, as the relation's routes do.
   */
  public Future<JsonObject> membership(ModelDefinition model, RelationDefinition relation, String rawId) {
    if (relation.kind() != Kind.HAS_MANY) {
      return Future.failedFuture(new IllegalArgumentException(relation.name() + " is not a hasMany relation"));
    }
    return parent(model, rawId).compose(parent -> scopeWhere(relation, parent));
  }

  /** Why {@code relation} has no change stream (it is not a hasMany without through), or null when it has one. */
  public static String whyNoStream(RelationDefinition relation) {
    if (relation.kind() == Kind.HAS_MANY) {
      return null;
    }
    return "change streams are served for hasMany relations without through, and " + relation.name() + " is a "
        + relation.type() + (relation.through() == null ? "" : " through " + relation.through().name()) + " relation";
  }

  /** strong-remoting's shared constructor: the parent instance, or its 404. */
  private Future<JsonObject> parent(ModelDefinition model, String rawId) {
    return ops.findById(model, rawId, null).recover(failure -> {
      if (failure instanceof ApiError error && error.statusCode() == 404) {
        return Future.failedFuture(new ApiError(404, "Error", "could not find a model with id " + rawId,
            "MODEL_NOT_FOUND", null));
      }
      return Future.failedFuture(failure);
    });
  }

  /**
   * belongsTo: the owner; without a foreign key LoopBack's getter calls back with nothing, which
   * strong-remoting answers as {@code {}}, and with an unknown one with null, answered {@code null}.
   * hasOne: the related row or LoopBack's 404.
   */
  private Future<Object> single(RelationDefinition relation, JsonObject parent) {
    Object key = parent.getValue(relation.keyFrom());
    if (key == null) {
      return relation.kind() == Kind.BELONGS_TO ? Future.succeededFuture(new JsonObject())
          : Future.failedFuture(noInstances(relation));
    }
    JsonObject filter = new JsonObject().put("where", new JsonObject().put(relation.keyTo(), key)).put("limit", 1);
    IncludeParser.merge(filter, relation.scope());
    return ops.find(relation.to(), filter).compose(found -> {
      if (!found.isEmpty()) {
        return Future.succeededFuture(found.get(0));
      }
      return relation.kind() == Kind.BELONGS_TO ? Future.succeededFuture(null)
          : Future.failedFuture(noInstances(relation));
    });
  }

  private Future<Object> list(RelationDefinition relation, JsonObject parent, Object rawFilter) {
    return scopeWhere(relation, parent).compose(where -> {
      JsonObject filter = FilterParser.toObject(rawFilter);
      filter = filter == null ? new JsonObject() : filter.copy();
      Object clientWhere = filter.getValue("where");
      filter.put("where", clientWhere == null ? where : new JsonObject().put("and", new JsonArray().add(clientWhere).add(where)));
      IncludeParser.merge(filter, relation.scope().copy().put("where", new JsonObject()));
      return ops.find(relation.to(), filter).map(found -> (Object) new JsonArray(found));
    });
  }

  /** The scope's count: of the targets, or for a through relation (LoopBack's scope is on it) of the through rows. */
  private Future<Object> count(RelationDefinition relation, JsonObject parent, Object rawWhere) {
    Future<JsonObject> scope = relation.kind() == Kind.HAS_MANY_THROUGH
        ? Future.succeededFuture(new JsonObject().put(relation.keyTo(), parent.getValue(relation.keyFrom())))
        : scopeWhere(relation, parent);
    ModelDefinition counted = relation.kind() == Kind.HAS_MANY_THROUGH ? relation.through() : relation.to();
    return scope.compose(where -> {
      JsonObject client = FilterParser.toObject(rawWhere);
      Object all = client == null || client.isEmpty() ? where : new JsonObject().put("and", new JsonArray().add(client).add(where));
      return ops.count(counted, all).map(n -> (Object) new JsonObject().put("count", n));
    });
  }

  private Future<Object> findById(RelationDefinition relation, JsonObject parent, String fk) {
    Object id = Instances.coerceId(relation.to(), fk);
    return scopeWhere(relation, parent).compose(where -> {
      JsonObject filter = new JsonObject().put("where", new JsonObject().put("and", new JsonArray()
          .add(new JsonObject().put(relation.to().idName(), id)).add(where))).put("limit", 1);
      return ops.find(relation.to(), filter);
    }).compose(found -> {
      if (found.isEmpty()) {
        String message = relation.kind() == Kind.HAS_MANY_THROUGH
            ? "No relation found in " + relation.through().name() + " for (" + relation.from().name() + "."
                + parent.getValue(relation.keyFrom()) + "," + relation.to().name() + "." + fk + ")"
            : "No instance with id " + fk + " found for " + relation.to().name();
        return Future.failedFuture(ApiError.notFound(message));
      }
      return Future.succeededFuture(found.get(0));
    });
  }

  private Future<Object> create(RelationDefinition relation, JsonObject parent, Object body) {
    Object key = parent.getValue(relation.keyFrom());
    Object data = body instanceof JsonArray array ? withKey(array, relation.keyTo(), key)
        : body instanceof JsonObject object ? object.copy().put(relation.keyTo(), key)
        : body == null ? new JsonObject().put(relation.keyTo(), key) : body;
    return writes.write(relation.to(), WriteOp.CREATE, null, data);
  }

  private Future<Object> updateById(RelationDefinition relation, JsonObject parent, String fk, Object body) {
    return findById(relation, parent, fk).compose(found -> {
      JsonObject existing = (JsonObject) found;
      if (body instanceof JsonObject data && data.containsKey(relation.keyTo())
          && !Relations.sameKey(data.getValue(relation.keyTo()), existing.getValue(relation.keyTo()))) {
        return Future.failedFuture(ApiError.badRequest("Cannot override foreign key " + relation.keyTo() + " from "
            + existing.getValue(relation.keyTo()) + " to " + data.getValue(relation.keyTo())));
      }
      Object id = existing.getValue(relation.to().idName());
      return writes.write(relation.to(), WriteOp.PATCH_BY_ID, id, body);
    });
  }

  private Future<Object> destroyById(RelationDefinition relation, JsonObject parent, String fk) {
    return findById(relation, parent, fk).compose(found -> {
      Object id = ((JsonObject) found).getValue(relation.to().idName());
      return writes.write(relation.to(), WriteOp.DELETE_BY_ID, id, null);
    }).map(NO_CONTENT);
  }

  /** Deletes the parent's related rows one by one (each its own write; see the class comment of README). */
  private Future<Object> deleteAll(RelationDefinition relation, JsonObject parent) {
    return scopeWhere(relation, parent).compose(where -> {
      JsonObject filter = new JsonObject().put("where", where).put("fields", new JsonArray().add(relation.to().idName()));
      return ops.find(relation.to(), filter);
    }).compose(rows -> {
      Future<Object> chain = Future.succeededFuture();
      for (JsonObject row : rows) {
        Object id = row.getValue(relation.to().idName());
        chain = chain.compose(v -> writes.write(relation.to(), WriteOp.DELETE_BY_ID, id, null));
      }
      return chain.map(NO_CONTENT);
    });
  }

  /**
   * The where that selects the parent's related rows: the foreign key (hasMany), or the ids named by
   * the through rows, and-ed with the relation's own scope.
   */
  private Future<JsonObject> scopeWhere(RelationDefinition relation, JsonObject parent) {
    Object key = parent.getValue(relation.keyFrom());
    Future<JsonObject> where;
    if (relation.kind() == Kind.HAS_MANY_THROUGH) {
      JsonObject throughFilter = new JsonObject().put("where", new JsonObject().put(relation.keyTo(), key));
      where = ops.find(relation.through(), throughFilter).map(rows -> {
        JsonArray ids = new JsonArray();
        rows.forEach(row -> ids.add(row.getValue(relation.keyThrough())));
        return new JsonObject().put(relation.to().idName(), new JsonObject().put("inq", ids));
      });
    } else {
      where = Future.succeededFuture(new JsonObject().put(relation.keyTo(), key));
    }
    Object scopeWhere = relation.scope().getValue("where");
    return where.map(w -> scopeWhere instanceof JsonObject s && !s.isEmpty()
        ? new JsonObject().put("and", new JsonArray().add(w).add(s)) : w);
  }

  private static JsonArray withKey(JsonArray items, String key, Object value) {
    JsonArray out = new JsonArray();
    for (Object item : items) {
      out.add(item instanceof JsonObject object ? object.copy().put(key, value) : item);
    }
    return out;
  }

  private static ApiError noInstances(RelationDefinition relation) {
    return new ApiError(404, "Error", "No \"" + relation.to().name() + "\" instance(s) found", "MODEL_NOT_FOUND", null);
  }
}
