package io.livemodel.model;

/**
 * A JavaScript {@code Date} during coercion: epoch milliseconds, or null for an {@code Invalid Date}.
 * Stored instances never hold one: valid dates become ISO strings, see {@link Values#toJson}.
 */
public record JsDate(Long millis) {

  public boolean isValid() {
    return millis != null;
  }
}
