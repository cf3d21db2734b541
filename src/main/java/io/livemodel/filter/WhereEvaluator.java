package io.livemodel.filter;

import static io.livemodel.js.JsValues.UNDEFINED;
import static io.livemodel.js.JsValues.isNullish;
import static io.livemodel.js.JsValues.toJsString;

import io.livemodel.js.JsDates;
import io.livemodel.js.JsValues;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.model.PropertyType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Evaluates {@link Where} trees against instances with the memory connector's semantics
 * ({@code applyFilter} and {@code test} of loopback-datasource-juggler's memory connector):
 * <ul>
 *   <li>an array value matches when any element matches (an empty array only matches {@code neq});
 *   <li>a dotted path that does not match directly is retried inside the first segment's object,
 *       or inside each object of the first segment's array;
 *   <li>equality compares {@code String(example)} with {@code String(value)}, so {@code "3"} equals 3;
 *       declared dates compare as instants;
 *   <li>{@code gt}/{@code lt}/... use the connector's {@code compare}, {@code inq}/{@code nin} JavaScript's
 *       {@code ==}; the like family tests {@code String(value)} (so an absent value is "undefined");
 *       {@code regexp} only matches non-empty strings.
 * </ul>
 * Stateless and thread-safe.
 */
final class WhereEvaluator {

  private WhereEvaluator() {
  }

  static boolean test(Where where, JsonObject instance) {
    if (where instanceof Where.And and) {
      for (Where part : and.parts()) {
        if (!test(part, instance)) {
          return false;
        }
      }
      return true;
    }
    if (where instanceof Where.Or or) {
      for (Where part : or.parts()) {
        if (test(part, instance)) {
          return true;
        }
      }
      return false;
    }
    return matches((Where.Condition) where, instance);
  }

  private static boolean matches(Where.Condition condition, Object object) {
    if (condition.op() == Operator.NONE) {
      return false;
    }
    Object value = asStored(condition, JsValues.getValue(object, condition.path()));
    if (value instanceof JsonArray array) {
      return anyElement(condition, array);
    }
    if (testValue(condition, value)) {
      return true;
    }
    int dot = condition.path().indexOf('.');
    if (dot < 0) {
      return false;
    }
    Object container = JsValues.member(object, condition.path().substring(0, dot));
    Where.Condition inner = new Where.Condition(condition.path().substring(dot + 1),
        null, condition.op(), condition.value());
    if (container instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (matches(inner, array.getValue(i))) {
          return true;
        }
      }
      return false;
    }
    return container instanceof JsonObject && matches(inner, container);
  }

  private static boolean anyElement(Where.Condition condition, JsonArray array) {
    if (condition.op() == Operator.NEQ && array.isEmpty()) {
      return true;
    }
    if (condition.op() == Operator.EQ && condition.value() == null) {
      // LoopBack fails with a TypeError (500) here; nothing matching is the sane reading.
      return false;
    }
    for (int i = 0; i < array.size(); i++) {
      Object element = asStored(condition, array.getValue(i));
      boolean hit = element instanceof JsonArray nested
          ? anyElement(condition, nested)
          : testValue(condition, element);
      if (hit) {
        return true;
      }
    }
    return false;
  }

  /** Declared dates are Date objects in the connector: read stored ISO strings or millis as instants. */
  private static Object asStored(Where.Condition condition, Object value) {
    PropertyDefinition property = condition.property();
    if (property == null || !property.name().equals(condition.path())) {
      return value;
    }
    boolean date = property.type() == PropertyType.DATE
        || (property.type() == PropertyType.ARRAY && property.itemType() == PropertyType.DATE);
    if (!date || value instanceof Instant || !(value instanceof String || value instanceof Number)) {
      return value;
    }
    Instant instant = JsDates.toInstant(value);
    return instant == null ? value : instant;
  }

  private static boolean testValue(Where.Condition condition, Object value) {
    Object example = condition.value();
    switch (condition.op()) {
      case EQ:
        return equalsExample(example, value);
      case NEQ:
        return JsCompare.compare(example, value) != 0;
      case GT:
        return JsCompare.compare(value, example) > 0;
      case GTE:
        return JsCompare.compare(value, example) >= 0;
      case LT:
        return JsCompare.compare(value, example) < 0;
      case LTE:
        return JsCompare.compare(value, example) <= 0;
      case BETWEEN:
        List<?> bounds = (List<?>) example;
        return JsCompare.compare(value, bounds.get(0)) >= 0 && JsCompare.compare(value, bounds.get(1)) <= 0;
      case INQ:
        return inList((List<?>) example, value);
      case NIN:
        return !inList((List<?>) example, value);
      case LIKE:
      case ILIKE:
        return like(condition, value);
      case NLIKE:
      case NILIKE:
        return !like(condition, value);
      case REGEXP:
        return value instanceof String s && !s.isEmpty()
            && Patterns.regexp((RegexpValue) example).matcher(s).find();
      default:
        return false;
    }
  }

  /** {@code (example !== null ? example.toString() : example) == (value != null ? value.toString() : value)}. */
  private static boolean equalsExample(Object example, Object value) {
    if (example == null || example == UNDEFINED) {
      return isNullish(value);
    }
    if (isNullish(value)) {
      return false;
    }
    if (example instanceof Instant a && value instanceof Instant b) {
      return a.equals(b);
    }
    return toJsString(example).equals(toJsString(value));
  }

  private static boolean inList(List<?> items, Object value) {
    for (Object item : items) {
      if (JsCompare.looseEquals(item, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean like(Where.Condition condition, Object value) {
    boolean caseInsensitive = condition.op() == Operator.ILIKE || condition.op() == Operator.NILIKE;
    return Patterns.like((String) condition.value(), caseInsensitive).matcher(toJsString(value)).find();
  }
}
