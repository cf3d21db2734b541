package io.livemodel.filter;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A parsed LoopBack filter ({@code where}, {@code order}, {@code limit}, {@code skip}/{@code offset},
 * {@code fields}).
 *
 * @param where the where tree, or null for "everything"
 * @param order sort keys, empty for the default (id ascending)
 * @param limit 0 for no limit
 * @param skip how many to skip
 * @param fields the projection, or null for all keys
 */
public record Filter(Where where, List<OrderSpec> order, int limit, int skip, Fields fields) {

  public static final Filter ALL = new Filter(null, List.of(), 0, 0, null);

  /**
   * Applies this filter to instances (the embedded store's query engine): where, then a stable sort by
   * {@link #order} (the input is assumed to be in id order), then skip, limit and fields.
   * Instances are never modified; projected ones are copies.
   */
  public List<JsonObject> apply(Iterable<JsonObject> instances) {
    return FilterEvaluator.apply(this, instances);
  }
}
