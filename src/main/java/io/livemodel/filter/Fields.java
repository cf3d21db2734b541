package io.livemodel.filter;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A filter's {@code fields}: either an inclusion list (only those keys; the id is NOT added unless
 * listed, as in LoopBack) or an exclusion list.
 */
public record Fields(Set<String> names, boolean include) {

  /** A copy of {@code instance} with only the selected keys, in the instance's own key order. */
  public JsonObject project(JsonObject instance) {
    JsonObject out = new JsonObject();
    for (String key : instance.fieldNames()) {
      if (names.contains(key) == include) {
        out.put(key, instance.getValue(key));
      }
    }
    return out;
  }
}
