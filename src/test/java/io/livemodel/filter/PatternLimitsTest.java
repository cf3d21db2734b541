package io.livemodel.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.config.QueryConfig;
import io.livemodel.model.ApiError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Pattern cost limits are checked before compiling, and compiled patterns are cached by bytes")
class PatternLimitsTest {

  @AfterEach
  void restore() {
    QueryLimits.install(QueryConfig.defaults());
  }

  private static void assertRefused(Runnable parse, String limit) {
    assertThatThrownBy(parse::run).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.getMessage()).contains(limit);
    });
  }

  @ParameterizedTest(name = "{0}: size {1}, nesting {2}")
  @CsvSource(delimiter = ' ', value = {
      "abc 4 0",
      "a|b 4 0",
      "a* 3 0",
      "a{3} 7 1",
      "a{2,5} 11 1",
      "a{0,1} 3 0",
      "(a{10}){100} 2401 2",
      "[a-z]{8} 17 1",
      "x{1,} 5 1",
      "a{,5} 6 0"})
  @DisplayName("the size estimate (one per atom, quantifier and branch) expands counted repeats and counts their nesting")
  void estimates(String source, long size, int nesting) {
    PatternSize.Estimate estimate = PatternSize.of(source);
    assertThat(estimate.size()).isEqualTo(size);
    assertThat(estimate.nesting()).isEqualTo(nesting);
  }

  @Test
  @DisplayName("huge repeat counts saturate instead of overflowing")
  void saturates() {
    assertThat(PatternSize.of("((a{99999999999}){99999999999}){99999999999}").size()).isPositive();
  }

  @Test
  @DisplayName("the issue's patterns are refused with 400 naming the limit they pass")
  void hostilePatterns() {
    assertRefused(() -> Patterns.parseRegexp("(x{10}){100}y"), "query.maxPatternSize");
    assertRefused(() -> Patterns.parseRegexp("(x{30}){30}y"), "query.maxPatternSize");
    assertRefused(() -> Patterns.parseRegexp("((a{2}){2}){2}"), "query.maxRepeatNesting");
    assertRefused(() -> Patterns.parseRegexp(".".repeat(40_000)), "query.maxPatternLength");
    assertRefused(() -> Patterns.like("_".repeat(30_000), false), "query.maxPatternLength");
    String alternation = String.join("|", java.util.Collections.nCopies(600, "a{1000}"));
    assertRefused(() -> Patterns.parseRegexp(alternation), "query.maxPatternLength");
  }

  @Test
  @DisplayName("ordinary patterns pass the default limits")
  void ordinaryPatterns() {
    for (String source : new String[] {"^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$", "(\\d{1,3}\\.){3}\\d{1,3}",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/^foo.*bar$/i", ".{0,400}"}) {
      assertThat(Patterns.parseRegexp(source)).isNotNull();
    }
  }

  @Test
  @DisplayName("the limits are configurable")
  void configurable() {
    QueryLimits.install(new QueryConfig(10, 1000, 2, 1 << 20, 3000, 1000, 2));
    assertRefused(() -> Patterns.parseRegexp("abcdefghijk"), "query.maxPatternLength (10)");
    assertRefused(() -> Patterns.like("abcdefghijk", true), "query.maxPatternLength (10)");
    QueryLimits.install(new QueryConfig(1000, 5, 2, 1 << 20, 3000, 1000, 2));
    assertRefused(() -> Patterns.parseRegexp("abcdefgh"), "query.maxPatternSize (5)");
  }

  @Test
  @DisplayName("runs of . and _ (compiled as counted repeats) keep their meaning")
  void dotRuns() {
    assertThat(Patterns.regexp(new RegexpValue("^a...b$", "")).matcher("a123b").find()).isTrue();
    assertThat(Patterns.regexp(new RegexpValue("^a...b$", "")).matcher("a12b").find()).isFalse();
    assertThat(Patterns.regexp(new RegexpValue("^a..*b$", "")).matcher("a1b").find()).isTrue();
    assertThat(Patterns.regexp(new RegexpValue("^a..*b$", "")).matcher("ab").find()).isFalse();
    assertThat(Patterns.regexp(new RegexpValue("^a..?b$", "")).matcher("a1b").find()).isTrue();
    assertThat(Patterns.regexp(new RegexpValue("^a..b$", "")).matcher("a\nxb").find()).isFalse();
    assertThat(Patterns.regexp(new RegexpValue("^a..b$", "s")).matcher("a\nxb").find()).isTrue();
    assertThat(Patterns.like("a___b", false).matcher("xa123bx").find()).isTrue();
    assertThat(Patterns.like("a___b", false).matcher("a12b").find()).isFalse();
    assertThat(Patterns.like("a%%b", false).matcher("a12b").find()).isTrue();
    assertThat(Patterns.regexp(new RegexpValue(".".repeat(990), "")).matcher("x".repeat(1000)).find()).isTrue();
    assertThat(Patterns.like("_".repeat(1000), false).matcher("x".repeat(999)).find()).isFalse();
  }

  @Test
  @DisplayName("the compiled-pattern cache holds at most its byte budget, however many distinct patterns arrive")
  void cacheBoundedByBytes() {
    long budget = 2L * 1024 * 1024;
    QueryLimits.install(new QueryConfig(1000, 1000, 2, budget, 3000, 1000, 2));
    for (int i = 0; i < 300; i++) {
      Patterns.parseRegexp("a{440}b" + i);
      assertThat(Patterns.cachedBytes()).isLessThanOrEqualTo(budget);
    }
    assertThat(Patterns.cachedBytes()).isGreaterThan(budget / 2);
  }

  @Test
  @DisplayName("a pattern larger than the whole budget is compiled but not kept")
  void oversizedNotKept() {
    PatternCache cache = new PatternCache(1000);
    com.google.re2j.Pattern p = cache.get("k", () -> new PatternCache.Sized(com.google.re2j.Pattern.compile("a"), 50));
    assertThat(p.matcher("a").find()).isTrue();
    assertThat(cache.size()).isZero();
    cache.get("s", () -> new PatternCache.Sized(com.google.re2j.Pattern.compile("b"), 1));
    assertThat(cache.size()).isEqualTo(1);
  }
}
