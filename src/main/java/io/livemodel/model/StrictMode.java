package io.livemodel.model;

import io.livemodel.js.JsValues;

/**
 * A model's {@code strict} setting as juggler 3 distinguishes it: {@code false} (or absent) keeps
 * undeclared properties; {@code "filter"} drops them silently; any other truthy value ({@code true},
 * {@code "throw"}, {@code "validate"}) rejects them with a 422 {@code unknown-property} (juggler 3 removed
 * {@code "throw"}'s own behaviour and treats it as {@code true}).
 */
public enum StrictMode {
  /** Undeclared properties are stored as given. */
  OFF,
  /** Undeclared properties are a validation error (422). */
  VALIDATE,
  /** Undeclared properties are dropped without an error. */
  FILTER;

  /** The mode of a raw {@code strict} setting value. */
  public static StrictMode of(Object setting) {
    if ("filter".equals(setting)) {
      return FILTER;
    }
    return JsValues.truthy(setting) ? VALIDATE : OFF;
  }
}
