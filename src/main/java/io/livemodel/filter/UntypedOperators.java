package io.livemodel.filter;

import static io.livemodel.js.JsValues.toJsString;
import static io.livemodel.js.JsValues.truthy;

import io.livemodel.js.JsValues;
import io.livemodel.model.PropertyDefinition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on undeclared properties and dotted paths, which juggler passes to the memory
 * connector uncoerced. The connector's {@code test(example, value)} looks at an operator object in a
 * fixed order, some keys by truthiness ({@code regexp}, {@code inq}, {@code nin}, the like family)
 * and some by presence ({@code neq}, {@code between}, {@code gt}...): the first that applies is the
 * condition. {@code eq} is not among them, so {@code {eq: x}} matches nothing here.
 *
 * <p>A {@code regexp} string is used as a bare JavaScript source: the connector passes it to
 * {@code String.prototype.match}, so the {@code "/src/flags"} form is not recognised here.
 */
final class UntypedOperators {

  private UntypedOperators() {
  }

  static Where condition(String path, PropertyDefinition property, Object raw) {
    if (!(raw instanceof JsonObject example)) {
      return new Where.Condition(path, property, Operator.EQ, raw);
    }
    if (truthy(example.getValue("regexp"))) {
      RegexpValue regexp = new RegexpValue(toJsString(example.getValue("regexp")), "");
      Patterns.regexp(regexp);
      return new Where.Condition(path, property, Operator.REGEXP, regexp);
    }
    if (truthy(example.getValue("near"))) {
      return new Where.And(List.of());
    }
    if (truthy(example.getValue("inq"))) {
      return new Where.Condition(path, property, Operator.INQ, indexable(example.getValue("inq")));
    }
    if (truthy(example.getValue("nin"))) {
      return new Where.Condition(path, property, Operator.NIN, indexable(example.getValue("nin")));
    }
    if (example.containsKey("neq")) {
      return new Where.Condition(path, property, Operator.NEQ, example.getValue("neq"));
    }
    if (example.containsKey("between")) {
      List<Object> bounds = indexable(example.getValue("between"));
      return bounds.size() < 2
          ? new Where.Condition(path, property, Operator.NONE, null)
          : new Where.Condition(path, property, Operator.BETWEEN, List.of(bounds.get(0), bounds.get(1)));
    }
    Where like = like(path, property, example);
    if (like != null) {
      return like;
    }
    for (Operator op : new Operator[] {Operator.GT, Operator.GTE, Operator.LT, Operator.LTE}) {
      String key = op.name().toLowerCase(java.util.Locale.ROOT);
      if (example.containsKey(key)) {
        return new Where.Condition(path, property, op, example.getValue(key));
      }
    }
    if (example.containsKey("eq")) {
      return new Where.Condition(path, property, Operator.NONE, null);
    }
    // An operator-less object is compared through String(): "[object Object]".
    return new Where.Condition(path, property, Operator.EQ, example);
  }

  /** The connector uses the first truthy pattern of like, nlike, ilike, nilike, in that order. */
  private static Where like(String path, PropertyDefinition property, JsonObject example) {
    for (Operator op : new Operator[] {Operator.LIKE, Operator.NLIKE, Operator.ILIKE, Operator.NILIKE}) {
      Object pattern = example.getValue(op.name().toLowerCase(java.util.Locale.ROOT));
      if (truthy(pattern)) {
        String text = toJsString(pattern);
        Patterns.like(text, op == Operator.ILIKE || op == Operator.NILIKE);
        return new Where.Condition(path, property, op, text);
      }
    }
    return null;
  }

  /** What {@code x[i]} for {@code i < x.length} yields: list items, or a string's characters. */
  private static List<Object> indexable(Object value) {
    if (value instanceof JsonArray || value instanceof List) {
      return JsValues.elements(value);
    }
    List<Object> items = new ArrayList<>();
    if (value instanceof String s) {
      for (int i = 0; i < s.length(); i++) {
        items.add(String.valueOf(s.charAt(i)));
      }
    }
    return items;
  }
}
