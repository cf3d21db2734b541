package io.livemodel.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.filter.RegexpValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("LoopBack like patterns and JS regexes become PostgreSQL regexes")
class PgRegexTest {

  private static final String DOT = PgRegex.JS_DOT;

  @ParameterizedTest(name = "like {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "abc|abc",
      "a%c|a" + "[^\\n\\r\\u2028\\u2029]*c",
      "a_c|a" + "[^\\n\\r\\u2028\\u2029]c",
      "a.c|a\\.c",
      "(x)*|\\(x\\)\\*",
      "'; --|\\'\\;\\ \\-\\-",
      "ü\\|ü\\\\"})
  @DisplayName("like: % and _ are wildcards, every other character is literal")
  void like(String pattern, String expected) {
    assertThat(PgRegex.fromLike(pattern)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "/{0}/{1} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "^al||^al",
      "a.b||a" + "[^\\n\\r\\u2028\\u2029]b",
      "a.b|s|a.b",
      "\\d+\\w\\b|i|[0-9]+[A-Za-z0-9_]\\y",
      "[\\d.]|i|[0-9.]",
      "[[]||[\\[]",
      "\\x41B||\\u0041B",
      "a{2}|i|a{2}",
      "a{x}||a\\{x\\}",
      "^line|m|(?w)^line",
      "\\/\\.||\\/\\."})
  @DisplayName("JS regex: dot, classes, word boundaries, hex escapes, literal braces, multiline")
  void js(String source, String flags, String expected) {
    assertThat(PgRegex.fromJs(new RegexpValue(source, flags == null ? "" : flags))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource({"3,3", "-0.5,-0.5", "1e+21,1000000000000000000000", "3.0,", "03,", "'',", "1e3,", "0x10,"})
  @DisplayName("only canonical JS number strings equal numbers under String(a) == String(b)")
  void canonicalNumbers(String text, String expected) {
    assertThat(SqlNumbers.canonicalNumber(text) == null ? null : SqlNumbers.canonicalNumber(text).toPlainString())
        .isEqualTo(expected);
  }
}
