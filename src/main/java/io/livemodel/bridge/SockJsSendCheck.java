package io.livemodel.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks a SockJS {@code xhr_send} body before vertx-web's SockJS handler reads it: it must be a JSON
 * array of strings (what every SockJS client sends). vertx-web answers 204 to {@code [null]} and then
 * fails with a NullPointerException logged at SEVERE; here such a body is a 400 and reaches nothing.
 * An empty or absent body is left to SockJS (its own "Payload expected." answer).
 */
final class SockJsSendCheck implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0 || stringsOnly(body)) {
      ctx.next();
      return;
    }
    ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=UTF-8")
        .end("Broken JSON encoding: a JSON array of strings is expected.");
  }

  private static boolean stringsOnly(Buffer body) {
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      return true; // broken JSON: SockJS answers it itself without failing
    }
    if (!(value instanceof JsonArray array)) {
      return value instanceof String;
    }
    for (Object item : array) {
      if (!(item instanceof String)) {
        return false;
      }
    }
    return true;
  }
}
