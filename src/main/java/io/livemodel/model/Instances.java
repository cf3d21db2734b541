package io.livemodel.model;

import io.vertx.core.json.JsonObject;

/**
 * Type coercion and validation of instances, as LoopBack's juggler does them (API.md section 2).
 */
public final class Instances {

  private Instances() {
  }

  /** What a write asks of {@link #prepare}. */
  public enum Mode {
    /** A new instance: defaults applied, then coerced and validated. */
    CREATE,
    /** A full instance replacing a stored one (PUT, replace): coerced and validated, no defaults. */
    REPLACE,
    /** A merged instance (PATCH, upsertWithWhere's patch): coerced and validated. */
    PATCH,
    /** updateAll's partial body: coerced only, never validated; an invalid date fails with 500. */
    COERCE_ONLY
  }

  /**
   * Coerces {@code data} to the model's property types and validates it; returns a new object in
   * canonical key order (declared properties, the id, then undeclared ones). Never modifies {@code data}.
   *
   * @throws ApiError 422 ValidationError with every failing property in {@code details}, or 400 for
   *     values that cannot be coerced at all (e.g. {@code tags:"x"})
   */
  public static JsonObject prepare(ModelDefinition model, JsonObject data, Mode mode) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * An id from the REST layer (a path segment string, or a JSON value from a body or where) coerced to
   * the model's id type; null when it cannot be one (e.g. {@code "abc"} for a number id), which the
   * callers answer with 404.
   */
  public static Object coerceId(ModelDefinition model, Object raw) {
    throw new UnsupportedOperationException("not yet");
  }
}
