package io.livemodel.filter;

import io.livemodel.model.PropertyDefinition;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A parsed {@code where} clause: a tree that both stores evaluate, the embedded store with
 * {@link #test(JsonObject)} and PostgreSQL by compiling it to SQL.
 *
 * <p>Values in {@link Condition}s are already coerced to the declared property type (see
 * {@link Condition}), so a store never parses filter strings itself.
 */
public sealed interface Where permits Where.And, Where.Or, Where.Condition {

  /** Whether a stored instance matches, with the memory connector's semantics. */
  boolean test(JsonObject instance);

  /** All parts must match; an empty list matches everything. */
  record And(List<Where> parts) implements Where {
    @Override
    public boolean test(JsonObject instance) {
      return WhereEvaluator.test(this, instance);
    }
  }

  /** Any part must match; an empty list matches nothing. */
  record Or(List<Where> parts) implements Where {
    @Override
    public boolean test(JsonObject instance) {
      return WhereEvaluator.test(this, instance);
    }
  }

  /**
   * One test on one property.
   *
   * @param path the property, possibly dotted ({@code meta.a}) to reach into nested objects
   * @param property the declared property of the path's first segment, or null if undeclared
   * @param op the operator
   * @param value the operand. For a declared property it is coerced to the property's type:
   *     {@code String}, {@code Number} (Long or Double), {@code Boolean}, {@link java.time.Instant}
   *     for dates, or null. For undeclared properties it is the JSON value as given (String, Number,
   *     Boolean, JsonObject, JsonArray, null). For BETWEEN/INQ/NIN it is a {@code List} of such
   *     values; for LIKE family the pattern String; for REGEXP a {@link RegexpValue}.
   */
  record Condition(String path, PropertyDefinition property, Operator op, Object value) implements Where {
    @Override
    public boolean test(JsonObject instance) {
      return WhereEvaluator.test(this, instance);
    }
  }
}
