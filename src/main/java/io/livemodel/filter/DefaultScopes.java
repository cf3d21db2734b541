package io.livemodel.filter;

import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The read side of a model's default {@code scope}, as juggler's {@code applyScope} /
 * {@code mergeQuery} merge it into every query (find, findOne, findById, exists, count, updateAll,
 * upsertWithWhere, destroyAll): the scope's {@code where} is ANDed with the query's; its {@code order}
 * applies when the query has none; its {@code limit}, {@code skip}/{@code offset} and {@code fields},
 * when set, replace the query's. The scope's {@code include} is not applied here. Change streams are
 * not scoped: LoopBack's {@code createChangeStream} does not apply the default scope either.
 */
public final class DefaultScopes {

  private DefaultScopes() {
  }

  /** {@code filter} with the model's default scope merged in; {@code filter} itself when there is none. */
  static Filter apply(Filter filter, ModelDefinition model) {
    JsonObject scope = model.scope();
    if (scope == null) {
      return filter;
    }
    Where where = and(filter.where(), scopeWhere(scope, model));
    List<OrderSpec> order = filter.order().isEmpty() && scope.getValue("order") != null
        ? OrderParser.parse(scope.getValue("order")) : filter.order();
    int limit = filter.limit();
    int skip = filter.skip();
    if (scope.getValue("limit") != null || scope.getValue("skip") != null || scope.getValue("offset") != null) {
      int[] limitSkip = FilterParser.limitAndSkip(scope);
      limit = scope.getValue("limit") != null ? limitSkip[0] : limit;
      skip = scope.getValue("skip") != null || scope.getValue("offset") != null ? limitSkip[1] : skip;
    }
    Fields fields = scope.getValue("fields") != null ? FieldsParser.parse(scope.getValue("fields"), model)
        : filter.fields();
    return new Filter(where, order, limit, skip, fields, filter.include());
  }

  /** A bare {@code where} (count, updateAll, upsertWithWhere) ANDed with the scope's; null for everything. */
  static Where apply(Where where, ModelDefinition model) {
    JsonObject scope = model.scope();
    return scope == null ? where : and(where, scopeWhere(scope, model));
  }

  /**
   * Whether a stored instance is inside the model's default scope, for reads by id (juggler's
   * findById and exists go through find and count, which apply it).
   */
  public static boolean admits(ModelDefinition model, JsonObject instance) {
    JsonObject scope = model.scope();
    Where where = scope == null ? null : scopeWhere(scope, model);
    return where == null || where.test(instance);
  }

  private static Where scopeWhere(JsonObject scope, ModelDefinition model) {
    return scope.getValue("where") instanceof JsonObject where && !where.isEmpty()
        ? WhereParser.parse(where, model) : null;
  }

  private static Where and(Where query, Where scope) {
    if (scope == null) {
      return query;
    }
    return query == null ? scope : new Where.And(List.of(query, scope));
  }
}
