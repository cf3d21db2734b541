package io.livemodel.filter;

/**
 * A {@code regexp} operand: a JavaScript regex source and its flags (from {@code "/src/flags"} or a
 * bare {@code "src"}). Stores evaluate it with a linear-time engine, never with backtracking.
 */
public record RegexpValue(String source, String flags) {
  public boolean caseInsensitive() {
    return flags.indexOf('i') >= 0;
  }
}
