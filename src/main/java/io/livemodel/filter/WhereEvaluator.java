package io.livemodel.filter;

import io.vertx.core.json.JsonObject;

/** Evaluates {@link Where} trees against instances with the memory connector's semantics. */
final class WhereEvaluator {

  private WhereEvaluator() {
  }

  static boolean test(Where where, JsonObject instance) {
    throw new UnsupportedOperationException("not yet");
  }
}
