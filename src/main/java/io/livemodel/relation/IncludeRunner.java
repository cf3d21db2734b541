package io.livemodel.relation;

import io.livemodel.filter.Filter;
import io.livemodel.filter.FilterParser;
import io.livemodel.filter.Where;
import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.relation.RelationDefinition.Kind;
import io.livemodel.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs planned includes for one request, level by level: each relation of a level is one query on
 * its target with {@code inq} on the keys of all the rows of the level above (two for a through
 * relation: the through rows, then the targets), split only past {@link IncludeLimits#inqLimit()}
 * keys. Never one query per row. Keys are matched by their JavaScript string form, as juggler's
 * {@code toString()} matching does ({@code "1"} matches {@code 1}).
 *
 * <p>Results are attached as juggler attaches them: hasMany and through relations give an array on
 * every parent; belongsTo and hasOne give the object, and leave the key out when there is none (the
 * last match wins when several rows match, as in juggler). The rows handed in are mutated, so they
 * must be the caller's own copies; fetched rows are copied before anything is attached to them.
 *
 * <p>Not thread-safe: one instance per request, used on one event loop.
 */
final class IncludeRunner {

  private final Store store;
  private final IncludeLimits limits;
  private int rowsLeft;

  IncludeRunner(Store store, IncludeLimits limits) {
    this.store = store;
    this.limits = limits;
    this.rowsLeft = limits.maxRows();
  }

  /** Runs {@code nodes} on {@code parents}, one relation after the other. */
  Future<Void> run(List<IncludeNode> nodes, List<JsonObject> parents) {
    Future<Void> chain = Future.succeededFuture();
    if (parents.isEmpty()) {
      return chain;
    }
    for (IncludeNode node : nodes) {
      chain = chain.compose(v -> node.relation().kind() == Kind.HAS_MANY_THROUGH
          ? through(node, parents) : direct(node, parents));
    }
    return chain;
  }

  /** belongsTo, hasOne, hasMany: one query on the target's {@code keyTo}. */
  private Future<Void> direct(IncludeNode node, List<JsonObject> parents) {
    RelationDefinition relation = node.relation();
    Map<String, Object> keys = new LinkedHashMap<>();
    for (JsonObject parent : parents) {
      Object key = parent.getValue(relation.keyFrom());
      if (node.simpleHasMany() && key == null) {
        throw missingKey(relation.keyFrom(), parent);
      }
      if (JsValues.truthy(key) || (node.simpleHasMany() && key != null)) {
        keys.putIfAbsent(JsValues.toJsString(key), key);
      }
    }
    return fetch(relation.to(), relation.keyTo(), keys.values(), node.scope()).compose(targets -> {
      Map<String, List<JsonObject>> groups = perParent(node.scope(), groupBy(targets, relation.keyTo()));
      return run(node.children(), distinct(groups)).map(v -> {
        for (JsonObject parent : parents) {
          Object key = parent.getValue(relation.keyFrom());
          List<JsonObject> found = key == null ? List.of() : groups.getOrDefault(JsValues.toJsString(key), List.of());
          if (relation.multiple()) {
            parent.put(relation.name(), new JsonArray(new ArrayList<>(found)));
          } else if (!found.isEmpty() && JsValues.truthy(key)) {
            parent.put(relation.name(), found.get(found.size() - 1));
          }
        }
        return null;
      });
    });
  }

  /** hasMany through: the through rows by {@code keyTo}, then the targets by id. */
  private Future<Void> through(IncludeNode node, List<JsonObject> parents) {
    RelationDefinition relation = node.relation();
    Map<String, JsonObject> parentByKey = new LinkedHashMap<>();
    Map<String, Object> keys = new LinkedHashMap<>();
    for (JsonObject parent : parents) {
      parent.put(relation.name(), new JsonArray());
      Object key = parent.getValue(relation.keyFrom());
      if (JsValues.truthy(key)) {
        keys.putIfAbsent(JsValues.toJsString(key), key);
        parentByKey.put(JsValues.toJsString(key), parent);
      }
    }
    return fetch(relation.through(), relation.keyTo(), keys.values(), Filter.ALL).compose(rows -> {
      Map<String, List<JsonObject>> sourcesByTarget = new LinkedHashMap<>();
      Map<String, Object> targetIds = new LinkedHashMap<>();
      for (JsonObject row : rows) {
        Object targetId = row.getValue(relation.keyThrough());
        JsonObject source = parentByKey.get(JsValues.toJsString(row.getValue(relation.keyTo())));
        if (JsValues.truthy(targetId) && source != null) {
          String id = JsValues.toJsString(targetId);
          targetIds.putIfAbsent(id, targetId);
          sourcesByTarget.computeIfAbsent(id, k -> new ArrayList<>()).add(source);
        }
      }
      String idName = relation.to().idName();
      return fetch(relation.to(), idName, targetIds.values(), node.scope()).compose(targets -> {
        Set<JsonObject> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(distinct(perParent(node.scope(), groupBy(targets, idName))));
        List<JsonObject> ordered = new ArrayList<>();
        for (JsonObject target : targets) {
          if (kept.contains(target)) {
            ordered.add(target);
          }
        }
        return run(node.children(), ordered).map(v -> {
          for (JsonObject target : ordered) {
            for (JsonObject source : sourcesByTarget.getOrDefault(JsValues.toJsString(target.getValue(idName)), List.of())) {
              source.getJsonArray(relation.name()).add(target);
            }
          }
          return null;
        });
      });
    });
  }

  /**
   * Rows of {@code model} whose {@code key} is one of {@code keys}, with the scope's where, order and
   * fields, copied; limit and skip are left to {@link #perParent}. Counts against the row budget.
   */
  private Future<List<JsonObject>> fetch(ModelDefinition model, String key, java.util.Collection<Object> keys,
                                         Filter scope) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Object> all = new ArrayList<>(keys);
    Future<List<JsonObject>> chain = Future.succeededFuture(new ArrayList<>());
    for (int from = 0; from < all.size(); from += limits.inqLimit()) {
      List<Object> chunk = all.subList(from, Math.min(all.size(), from + limits.inqLimit()));
      chain = chain.compose(found -> {
        Where inq = FilterParser.parseWhere(new JsonObject().put(key, new JsonObject().put("inq", new JsonArray(chunk))), model);
        Where where = scope.where() == null ? inq : new Where.And(List.of(inq, scope.where()));
        Filter query = new Filter(where, scope.order(), rowsLeft + 1, 0, scope.fields());
        return store.find(model, query).map(rows -> {
          rowsLeft -= rows.size();
          if (rowsLeft < 0) {
            throw ApiError.badRequest("The include fetches more than " + limits.maxRows()
                + " related rows (query.maxIncludedRows); narrow the query or give the included relations a scope"
                + " with a limit");
          }
          for (JsonObject row : rows) {
            found.add(new JsonObject(new LinkedHashMap<>(row.getMap())));
          }
          return found;
        });
      });
    }
    return chain;
  }

  /** Rows by the string form of {@code key} (each element when it is an array), in query order. */
  private static Map<String, List<JsonObject>> groupBy(List<JsonObject> rows, String key) {
    Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
    for (JsonObject row : rows) {
      Object value = row.getValue(key);
      for (Object one : value instanceof JsonArray array ? array.getList() : Collections.singletonList(value)) {
        if (one != null) {
          groups.computeIfAbsent(JsValues.toJsString(one), k -> new ArrayList<>()).add(row);
        }
      }
    }
    return groups;
  }

  /** The scope's skip and limit applied to each parent's rows, as juggler's per-key queries apply them. */
  private static Map<String, List<JsonObject>> perParent(Filter scope, Map<String, List<JsonObject>> groups) {
    if (scope.limit() == 0 && scope.skip() == 0) {
      return groups;
    }
    Map<String, List<JsonObject>> out = new LinkedHashMap<>();
    groups.forEach((key, rows) -> {
      int from = Math.min(scope.skip(), rows.size());
      int to = scope.limit() == 0 ? rows.size() : (int) Math.min(rows.size(), (long) from + scope.limit());
      out.put(key, rows.subList(from, to));
    });
    return out;
  }

  /** Each row once, in first-seen order (a row can belong to several parents). */
  private static List<JsonObject> distinct(Map<String, List<JsonObject>> groups) {
    Set<JsonObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<JsonObject> out = new ArrayList<>();
    for (List<JsonObject> rows : groups.values()) {
      for (JsonObject row : rows) {
        if (seen.add(row)) {
          out.add(row);
        }
      }
    }
    return out;
  }

  /** juggler's 400 when its hasMany fast path meets a parent without the key. */
  private static ApiError missingKey(String idName, JsonObject parent) {
    return ApiError.badRequest("ID property \"" + idName + "\" is missing for included item: " + parent.encode()
        + ". Please make sure `fields` include \"" + idName + "\" if it's present in the `filter`");
  }
}
