package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Finds lone UTF-16 surrogates ({@code "\ud800x"}) in JSON data. JSON text may escape them, and the
 * memory store keeps and streams them, but PostgreSQL (UTF-8) stores a {@code ?} instead; since no
 * valid Unicode text holds one, writes holding one are refused on every store alike.
 */
final class Surrogates {

  private Surrogates() {
  }

  /** The first property (top-level name) whose name or value holds a lone surrogate; null if none. */
  static String firstIn(JsonObject data) {
    for (Map.Entry<String, Object> entry : data) {
      if (!valid(entry.getKey()) || !validValue(entry.getValue())) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static boolean validValue(Object value) {
    if (value instanceof String s) {
      return valid(s);
    }
    if (value instanceof JsonObject object) {
      return firstIn(object) == null;
    }
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (!validValue(item)) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean valid(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
