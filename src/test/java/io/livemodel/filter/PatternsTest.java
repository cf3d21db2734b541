package io.livemodel.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.ApiError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Patterns translate like patterns and JavaScript regexes to RE2")
class PatternsTest {

  private static boolean regexp(String source, String flags, String subject) {
    return Patterns.regexp(new RegexpValue(source, flags)).matcher(subject).find();
  }

  @ParameterizedTest(name = "like {0} on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "lph|alpha|true",
      "a%a|alpha|true",
      "a%a|alp|false",
      "a_h|alpha|false",
      "l_h|alpha|true",
      "a.c|abc|false",
      "a.c|xa.cx|true",
      "(a)|x(a)y|true",
      "[ab]|a|false",
      "a\\b|a\\b|true",
      "$^|x$^y|true",
      "%|anything|true"})
  @DisplayName("like: % and _ are wildcards, every other character is literal, and it is unanchored")
  void like(String pattern, String subject, boolean expected) {
    assertThat(Patterns.like(pattern, false).matcher(subject).find()).isEqualTo(expected);
  }

  @Test
  @DisplayName("ilike ignores case")
  void ilike() {
    assertThat(Patterns.like("BE%A", true).matcher("beta").find()).isTrue();
    assertThat(Patterns.like("BE%A", false).matcher("beta").find()).isFalse();
  }

  @ParameterizedTest(name = "/{0}/{1} on {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "^al||alpha|true",
      "^AL|i|alpha|true",
      "a[]c||ac|false",
      "^\\S+$||abc|true",
      "\\a\\z\\q||azq|true",
      "\\x41\\u0042||AB|true",
      "\\x4||x4|true",
      "\\bword\\b||a word here|true",
      "\\/x||a/x|true",
      "(?<year>\\d{4})-\\d{2}||on 2020-01|true",
      "[[]||[|true",
      "a{||a{|true",
      "colou?r||color|true",
      "\\d+(?:p[xy])||12py|true"})
  @DisplayName("regexp keeps JavaScript meanings RE2 spells differently")
  void regexpTranslation(String source, String flags, String subject, boolean expected) {
    assertThat(regexp(source, flags == null ? "" : flags, subject)).isEqualTo(expected);
  }

  @Test
  @DisplayName("line terminators, Unicode spaces and control escapes keep their JavaScript meaning")
  void controlCharacters() {
    assertThat(regexp("^b$", "m", "a\nb\nc")).isTrue();
    assertThat(regexp("^b$", "", "a\nb\nc")).isFalse();
    assertThat(regexp("a.c", "", "a\nc")).isFalse();
    assertThat(regexp("a.c", "", "a\rc")).isFalse();
    assertThat(regexp("a.c", "", "a\u2028c")).isFalse();
    assertThat(regexp("a[^]c", "", "a\nc")).isTrue();
    assertThat(regexp("\\s", "", "\u00a0")).isTrue();
    assertThat(regexp("\\S", "", "\u3000")).isFalse();
    assertThat(regexp("\\cJ", "", "\n")).isTrue();
    assertThat(regexp("[\\b]", "", "\b")).isTrue();
    assertThat(regexp("\\0", "", "\u0000")).isTrue();
    assertThat(Patterns.like("a%", false).matcher("line1\nalpha").find()).isTrue();
    assertThat(Patterns.like("a%z", false).matcher("a\nz").find()).isFalse();
  }

  @ParameterizedTest(name = "/{0}/")
  @CsvSource(delimiter = '|', value = {"(?=a)", "(?!a)", "(?<=a)b", "(a)\\1", "a{2000}", "(", "a**"})
  @DisplayName("what RE2 cannot express, or invalid syntax, is a 400")
  void unsupported(String source) {
    assertThatThrownBy(() -> regexp(source, "", "a"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @ParameterizedTest(name = "{0} -> source {1}, flags {2}")
  @CsvSource(delimiter = '|', value = {
      "^al|^al|",
      "/^b/i|^b|i",
      "/^b/|^b|",
      "/a/gim|a|gim",
      "ab/i|b|i",
      "a/b/|/b|"})
  @DisplayName("a typed regexp operand is split into source and flags as LoopBack's toRegExp does")
  void regexpOperand(String operand, String source, String flags) {
    assertThat(Patterns.parseRegexp(operand)).isEqualTo(new RegexpValue(source, flags == null ? "" : flags));
  }

  @Test
  @DisplayName("compiled patterns are cached: the same operand gives the same compiled pattern")
  void caching() {
    RegexpValue value = new RegexpValue("^cache-me$", "i");
    assertThat(Patterns.regexp(value)).isSameAs(Patterns.regexp(new RegexpValue("^cache-me$", "i")));
    assertThat(Patterns.like("x%y", false)).isSameAs(Patterns.like("x%y", false));
  }
}
