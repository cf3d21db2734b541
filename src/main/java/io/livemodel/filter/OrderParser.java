package io.livemodel.filter;

import static io.livemodel.js.JsValues.isJsWhitespace;

import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Juggler's normalisation of a filter's {@code order}: a string or an array of strings, each split on
 * commas into {@code "prop"} / {@code "prop ASC"} / {@code "prop DESC"} tokens (direction
 * case-insensitive). Falsy means the default order.
 */
final class OrderParser {

  private OrderParser() {
  }

  static List<OrderSpec> parse(Object raw) {
    if (!JsValues.truthy(raw)) {
      return List.of();
    }
    List<Object> items = raw instanceof JsonArray || raw instanceof List ? JsValues.elements(raw) : List.of(raw);
    List<OrderSpec> specs = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String text)) {
        throw ApiError.badRequest("The order " + Json.encode(item) + " is not valid");
      }
      for (String token : splitOnCommas(text)) {
        if (!token.isEmpty()) {
          specs.add(spec(token));
        }
      }
    }
    return List.copyOf(specs);
  }

  private static OrderSpec spec(String token) {
    List<String> parts = splitOnWhitespace(token);
    if (parts.size() < 2) {
      return new OrderSpec(token, false);
    }
    String direction = parts.get(1).toUpperCase(Locale.ROOT);
    if (!direction.equals("ASC") && !direction.equals("DESC")) {
      throw ApiError.badRequest("The order " + Json.encode(token) + " has invalid direction");
    }
    return new OrderSpec(parts.get(0), direction.equals("DESC"));
  }

  /** JavaScript's {@code s.split(/(?:\s*,\s*)+/)}: separators are whitespace runs holding a comma. */
  static List<String> splitOnCommas(String s) {
    List<String> tokens = new ArrayList<>();
    int tokenStart = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ',' && !isJsWhitespace(c)) {
        i++;
        continue;
      }
      int runEnd = i;
      boolean comma = false;
      while (runEnd < s.length() && (s.charAt(runEnd) == ',' || isJsWhitespace(s.charAt(runEnd)))) {
        comma |= s.charAt(runEnd) == ',';
        runEnd++;
      }
      if (comma) {
        tokens.add(s.substring(tokenStart, i));
        tokenStart = runEnd;
      }
      i = runEnd;
    }
    tokens.add(s.substring(tokenStart));
    return tokens;
  }

  /** JavaScript's {@code s.split(/\s+/)} (leading or trailing whitespace gives empty parts). */
  static List<String> splitOnWhitespace(String s) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      if (!isJsWhitespace(s.charAt(i))) {
        i++;
        continue;
      }
      parts.add(s.substring(start, i));
      while (i < s.length() && isJsWhitespace(s.charAt(i))) {
        i++;
      }
      start = i;
    }
    parts.add(s.substring(start));
    return parts;
  }
}
