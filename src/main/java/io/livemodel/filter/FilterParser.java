package io.livemodel.filter;

import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;

/**
 * Parses LoopBack filters as they arrive from the REST layer: a JSON string ({@code ?filter={...}}),
 * an already nested object (bracket syntax, decoded by the HTTP layer into a JsonObject whose leaf
 * values are strings), or null. Malformed input fails with the 400 {@link ApiError}s of API.md.
 */
public final class FilterParser {

  private FilterParser() {
  }

  /** Parses a whole filter. {@code raw} is null, a String, a JsonObject or anything else (-> 400). */
  public static Filter parse(Object raw, ModelDefinition model) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Parses a bare {@code where} (count, updateAll, change-stream options). Null or empty gives null. */
  public static Where parseWhere(Object raw, ModelDefinition model) {
    throw new UnsupportedOperationException("not yet");
  }
}
