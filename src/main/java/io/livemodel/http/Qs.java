package io.livemodel.http;

import io.vertx.core.json.JsonObject;

/** Placeholder until the qs decoder lands (branch filter). */
public final class Qs {
  private Qs() {
  }

  public static JsonObject decode(String rawQuery) {
    throw new UnsupportedOperationException("not yet");
  }
}
