package io.livemodel.relation;

import static io.livemodel.js.JsValues.truthy;

import io.livemodel.filter.Fields;
import io.livemodel.filter.Filter;
import io.livemodel.filter.FilterParser;
import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.relation.RelationDefinition.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an {@code include} as juggler's {@code normalizeInclude} and {@code processIncludeItem} read
 * it: a relation name; an array (flattened); an object {@code {rel: subInclude}} (one item per key,
 * {@code true} meaning no sub-include); {@code {relation|rel: name, scope: {where, fields, order,
 * limit, skip, include}}}. Booleans and numbers are ignored, as in juggler. Unknown relations and
 * nesting deeper than {@link IncludeLimits#maxDepth()} are 400s (juggler answers an unknown relation
 * with a 500).
 */
public final class IncludeParser {

  /** One normalized item: a relation name, its scope (null if not the scope form) and sub-include. */
  private record Item(Object name, JsonObject scope, Object sub) {
  }

  private final RelationGraph graph;
  private final IncludeLimits limits;

  IncludeParser(RelationGraph graph, IncludeLimits limits) {
    this.graph = graph;
    this.limits = limits;
  }

  /** The planned includes of {@code include} on {@code model}; {@code depth} of the top level is 1. */
  List<IncludeNode> parse(ModelDefinition model, Object include, int depth) {
    List<IncludeNode> nodes = new ArrayList<>();
    for (Item item : normalize(include)) {
      IncludeNode node = node(model, item, depth);
      if (node != null) {
        nodes.add(node);
      }
    }
    return nodes;
  }

  private static List<Item> normalize(Object include) {
    List<Item> items = new ArrayList<>();
    if (include instanceof JsonObject object) {
      Object rel = truthy(object.getValue("rel")) ? object.getValue("rel") : object.getValue("relation");
      if (rel instanceof String name) {
        JsonObject scope = scopeObject(name, object.getValue("scope"));
        items.add(new Item(name, scope, scope.getValue("include")));
      } else {
        for (String key : object.fieldNames()) {
          items.add(new Item(key, null, object.getValue(key)));
        }
      }
    } else if (include instanceof JsonArray array) {
      for (Object element : array) {
        items.addAll(normalize(element));
      }
    } else if (!(include instanceof Boolean) && !(include instanceof Number)) {
      items.add(new Item(include, null, null));
    }
    return items;
  }

  private static JsonObject scopeObject(String relation, Object scope) {
    if (scope == null) {
      return new JsonObject();
    }
    if (!(scope instanceof JsonObject object)) {
      throw ApiError.badRequest("The scope of the included relation \"" + relation + "\" must be an object");
    }
    return object;
  }

  private IncludeNode node(ModelDefinition model, Item item, int depth) {
    String name = item.name() instanceof String s ? s : JsValues.toJsString(item.name());
    if (depth > limits.maxDepth()) {
      throw ApiError.badRequest("The include is nested deeper than " + limits.maxDepth()
          + " levels (query.maxIncludeDepth; at relation \"" + name + "\" of " + model.name() + ")");
    }
    RelationDefinition relation = graph.relation(model, name);
    if (relation == null) {
      throw ApiError.badRequest("Relation \"" + name + "\" is not defined for " + model.name() + " model");
    }
    if (relation.disableInclude()) {
      return null;
    }
    Object sub = Boolean.TRUE.equals(item.sub()) ? null : item.sub();
    Object scopeInclude = relation.scope().getValue("include");
    if (scopeInclude != null) {
      sub = truthy(sub) ? new JsonArray().add(sub).add(scopeInclude) : scopeInclude;
    }
    List<IncludeNode> children = truthy(sub) ? parse(relation.to(), sub, depth + 1) : List.of();
    Filter scope = scope(relation, item, sub);
    return new IncludeNode(relation, scope, children, relation.kind() == Kind.HAS_MANY && !truthy(sub));
  }

  /** The include's scope with the relation's own scope merged in (juggler's mergeQuery), parsed. */
  private Filter scope(RelationDefinition relation, Item item, Object sub) {
    JsonObject query = item.scope() == null ? new JsonObject() : item.scope().copy();
    merge(query, relation.scope());
    query.remove("include");
    Filter parsed = FilterParser.parse(query, relation.to());
    if (parsed.fields() == null) {
      return parsed;
    }
    Set<String> names = new LinkedHashSet<>(parsed.fields().names());
    names.add(relation.keyTo());
    if (relation.kind() == Kind.HAS_MANY_THROUGH) {
      names.add(relation.to().idName());
    }
    if (item.scope() != null && (relation.multiple() || relation.kind() == Kind.BELONGS_TO)) {
      // juggler keeps the foreign keys of belongsTo sub-includes named by a plain string
      for (Object subItem : sub instanceof JsonArray a ? a.getList() : List.of(sub == null ? "" : sub)) {
        if (subItem instanceof String subName) {
          RelationDefinition subRelation = graph.relation(relation.to(), subName);
          if (subRelation != null && subRelation.kind() == Kind.BELONGS_TO) {
            names.add(subRelation.keyFrom());
          }
        }
      }
    }
    return new Filter(parsed.where(), parsed.order(), parsed.limit(), parsed.skip(),
        new Fields(Set.copyOf(names), true));
  }

  /**
   * juggler's {@code mergeQuery(base, update)}: where and-ed, includes both kept, fields/limit/skip
   * replaced, order only if there is none.
   */
  public static void merge(JsonObject base, JsonObject update) {
    Object where = update.getValue("where");
    if (where instanceof JsonObject w && !w.isEmpty()) {
      Object baseWhere = base.getValue("where");
      base.put("where", baseWhere instanceof JsonObject b && !b.isEmpty()
          ? new JsonObject().put("and", new JsonArray().add(b).add(w)) : w);
    }
    Object include = update.getValue("include");
    if (include != null) {
      // juggler merges both includes at the same level; here: both, one after the other
      Object mine = base.getValue("include");
      base.put("include", mine == null ? include : new JsonArray().add(mine).add(include));
    }
    if (update.containsKey("fields")) {
      base.put("fields", update.getValue("fields"));
    }
    if (base.getValue("order") == null && update.getValue("order") != null) {
      base.put("order", update.getValue("order"));
    }
    for (String key : List.of("limit", "skip", "offset")) {
      if (update.containsKey(key)) {
        base.put(key, update.getValue(key));
      }
    }
  }
}
