package io.livemodel.filter;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A parsed LoopBack filter ({@code where}, {@code order}, {@code limit}, {@code skip}/{@code offset},
 * {@code fields}, {@code include}).
 *
 * @param where the where tree, or null for "everything"
 * @param order sort keys, empty for the default (id ascending)
 * @param limit 0 for no limit
 * @param skip how many to skip
 * @param fields the projection, or null for all keys
 * @param include the {@code include} value as given (a String, JsonArray or JsonObject), or null for
 *     none; stores ignore it, {@code io.livemodel.relation.Includes} plans and runs it against the
 *     model's relations
 */
public record Filter(Where where, List<OrderSpec> order, int limit, int skip, Fields fields, Object include) {

  public static final Filter ALL = new Filter(null, List.of(), 0, 0, null, null);

  /** A filter without include. */
  public Filter(Where where, List<OrderSpec> order, int limit, int skip, Fields fields) {
    this(where, order, limit, skip, fields, null);
  }

  /**
   * Applies this filter to instances (the embedded store's query engine): where, then a stable sort by
   * {@link #order} (the input is assumed to be in id order), then skip, limit and fields.
   * Instances are never modified; projected ones are copies.
   */
  public List<JsonObject> apply(Iterable<JsonObject> instances) {
    return FilterEvaluator.apply(this, instances);
  }
}
