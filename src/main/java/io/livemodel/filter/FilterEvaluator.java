package io.livemodel.filter;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The embedded store's query engine: where, order, skip, limit, fields. */
final class FilterEvaluator {

  private FilterEvaluator() {
  }

  static List<JsonObject> apply(Filter filter, Iterable<JsonObject> instances, String idName) {
    throw new UnsupportedOperationException("not yet");
  }
}
