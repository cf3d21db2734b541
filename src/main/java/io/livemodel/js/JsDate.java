package io.livemodel.js;

/**
 * A JavaScript {@code Date} that may be invalid: epoch milliseconds, or null for an {@code Invalid Date}.
 * The model layer keeps one during coercion (stored instances hold ISO strings instead); where a date is
 * known to be valid, an {@link java.time.Instant} plays the part.
 */
public record JsDate(Long millis) {

  public boolean isValid() {
    return millis != null;
  }
}
