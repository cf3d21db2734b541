package io.livemodel.filter;

import static io.livemodel.js.JsValues.toJsString;
import static io.livemodel.js.JsValues.truthy;

import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code where} object into a {@link Where} tree the way juggler's {@code _coerce} and the
 * memory connector read it. Declared properties: the first operator key in juggler's order wins,
 * operands are coerced to the property type and validated (400s). Undeclared properties and dotted
 * paths: operands are kept as given, and the operator is the one the memory connector would test
 * first (see {@link UntypedOperators}).
 */
final class WhereParser {

  /** Juggler's operator order for declared properties: the first key present is the operator. */
  private static final String[] TYPED_ORDER = {
      "eq", "gt", "gte", "lt", "lte", "between", "inq", "nin", "neq",
      "like", "nlike", "ilike", "nilike", "regexp"};

  private final ModelDefinition model;

  private WhereParser(ModelDefinition model) {
    this.model = model;
  }

  /** The tree of a top-level where; null for null or {@code {}}. */
  static Where parse(Object raw, ModelDefinition model) {
    if (raw == null) {
      return null;
    }
    Where where = new WhereParser(model).clause(raw);
    WhereUnicode.check(where);
    return where instanceof Where.And and && and.parts().isEmpty() ? null : where;
  }

  private Where clause(Object raw) {
    if (raw instanceof Map<?, ?> map) {
      raw = JsValues.wrap(map);
    }
    if (!(raw instanceof JsonObject where)) {
      throw ApiError.badRequest("The where clause " + Json.encode(raw) + " is not an object");
    }
    List<Where> parts = new ArrayList<>();
    for (String key : where.fieldNames()) {
      Object value = where.getValue(key);
      if ("and".equals(key) || "or".equals(key) || "nor".equals(key)) {
        parts.add(logical(key, value));
      } else {
        parts.add(property(key, value, where));
      }
    }
    return parts.size() == 1 ? parts.get(0) : new Where.And(List.copyOf(parts));
  }

  private Where logical(String key, Object value) {
    List<Object> clauses = Coercion.coerceArray(value);
    if (clauses == null) {
      throw ApiError.badRequest("The " + key + " operator has invalid clauses " + Json.encode(value)
          + ": " + Coercion.coerceArrayError(value));
    }
    List<Where> parts = new ArrayList<>(clauses.size());
    for (Object clause : clauses) {
      if (clause == null) {
        // LoopBack fails with a TypeError (500); a null clause is the client's mistake: 400.
        throw ApiError.badRequest("The " + key + " operator has a null clause");
      }
      parts.add(clause(clause));
    }
    switch (key) {
      case "and":
        return new Where.And(List.copyOf(parts));
      case "or":
        return new Where.Or(List.copyOf(parts));
      default:
        // The memory connector does not know "nor": it compares the property "nor" with a list.
        return new Where.Condition(key, model.property(key), Operator.NONE, null);
    }
  }

  private Where property(String path, Object value, JsonObject where) {
    int dot = path.indexOf('.');
    PropertyDefinition first = model.property(dot < 0 ? path : path.substring(0, dot));
    if (dot < 0 && Coercion.isTyped(first)) {
      return typed(path, first, value, where);
    }
    return UntypedOperators.condition(path, first, value);
  }

  private Where typed(String path, PropertyDefinition property, Object raw, JsonObject where) {
    if (raw == null) {
      return new Where.Condition(path, property, Operator.EQ, null);
    }
    String opKey = null;
    Object operand = raw;
    if (raw instanceof JsonObject object) {
      for (String candidate : TYPED_ORDER) {
        if (object.containsKey(candidate)) {
          opKey = candidate;
          operand = object.getValue(candidate);
          break;
        }
      }
    }
    RegexpValue regexp = validate(path, raw, opKey, operand);
    if (regexp != null) {
      return new Where.Condition(path, property, Operator.REGEXP, regexp);
    }
    List<Object> list = Coercion.coerceArray(operand);
    Object value;
    if (list != null) {
      List<Object> coerced = new ArrayList<>(list.size());
      for (Object item : list) {
        coerced.add(item == null ? null : Coercion.coerce(property, item));
      }
      value = coerced;
    } else if (operand != null) {
      rejectExtendedOperators(operand, where);
      value = Coercion.coerce(property, operand);
    } else {
      value = null;
    }
    return typedCondition(path, property, opKey, value);
  }

  /** Juggler's per-operator checks; returns the parsed operand of a {@code regexp}, else null. */
  private static RegexpValue validate(String path, Object raw, String opKey, Object operand) {
    if (opKey == null) {
      return null;
    }
    switch (opKey) {
      case "inq":
      case "nin":
      case "between":
        List<Object> list = Coercion.coerceArray(operand);
        if (list == null) {
          throw invalidClause(path, raw, "Error: " + Coercion.coerceArrayError(operand));
        }
        if ("between".equals(opKey) && list.size() != 2) {
          throw invalidClause(path, raw, "Expected precisely 2 values, received " + list.size());
        }
        return null;
      case "like":
      case "nlike":
      case "ilike":
      case "nilike":
        if (!(operand instanceof String)) {
          throw invalidClause(path, raw, "Expected a string or RegExp");
        }
        return null;
      case "regexp":
        return Patterns.parseRegexp(operand);
      default:
        return null;
    }
  }

  private static ApiError invalidClause(String path, Object raw, String reason) {
    return ApiError.badRequest("The " + path + " property has invalid clause " + Json.encode(raw)
        + ": " + reason);
  }

  /** Juggler refuses MongoDB-style {@code $}-operators on declared properties. */
  private static void rejectExtendedOperators(Object operand, JsonObject where) {
    if (!(operand instanceof JsonObject object)) {
      return;
    }
    List<String> operators = new ArrayList<>();
    for (String key : object.fieldNames()) {
      if (key.startsWith("$")) {
        operators.add(key);
      }
    }
    if (!operators.isEmpty()) {
      JsonObject details = new JsonObject().put("operators", new JsonArray(operators))
          .put("where", where.copy());
      throw new ApiError(400, "Error", "Operators \"" + String.join(", ", operators)
          + "\" are not allowed in query", "OPERATOR_NOT_ALLOWED_IN_QUERY", details);
    }
  }

  private static Where typedCondition(String path, PropertyDefinition property, String opKey, Object value) {
    Operator op = opKey == null ? Operator.EQ : Operator.fromKey(opKey);
    switch (op) {
      case BETWEEN:
      case INQ:
      case NIN:
        return new Where.Condition(path, property, op, value);
      case LIKE:
      case NLIKE:
      case ILIKE:
      case NILIKE:
        // The connector skips a falsy pattern (it then matches nothing); a Date pattern never matches.
        if (!truthy(value) || value instanceof java.time.Instant) {
          return new Where.Condition(path, property, Operator.NONE, null);
        }
        String pattern = toJsString(value);
        Patterns.like(pattern, op == Operator.ILIKE || op == Operator.NILIKE);
        return new Where.Condition(path, property, op, pattern);
      default:
        // A list operand of a scalar operator is compared through its String() form, as in JavaScript.
        Object scalar = value instanceof List<?> ? toJsString(value) : value;
        return new Where.Condition(path, property, op, scalar);
    }
  }
}
