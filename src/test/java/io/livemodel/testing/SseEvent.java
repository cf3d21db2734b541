package io.livemodel.testing;

import io.vertx.core.json.JsonObject;

/** One dispatched server-sent event, as an EventSource would see it. */
public record SseEvent(String event, String data, String id) {

  public JsonObject json() {
    return new JsonObject(data);
  }
}
