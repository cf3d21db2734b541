package io.livemodel.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.livemodel.config.QueryConfig;
import io.livemodel.model.ApiError;

/**
 * Compiles {@code like}-family patterns and {@code regexp} operands to RE2J patterns, which match in
 * time linear in the input times the program size (no catastrophic backtracking), and keeps them in
 * a cache bounded by bytes ({@link PatternCache}) so evaluating a condition over many instances
 * compiles once.
 *
 * <p>Cost limits ({@link QueryLimits}) are checked before compiling: a pattern longer than
 * {@code query.maxPatternLength}, a regexp whose estimated program ({@link PatternSize}) exceeds
 * {@code query.maxPatternSize}, or whose counted repeats nest deeper than
 * {@code query.maxRepeatNesting} is refused with 400 naming the limit. Both stores parse filters
 * here, so the limits hold for PostgreSQL too.
 *
 * <p>Thread-safe: the cache is guarded by its own lock; compiled patterns are immutable.
 */
final class Patterns {

  private static final PatternCache CACHE = new PatternCache(QueryLimits.current().patternCacheBytes());

  private Patterns() {
  }

  /**
   * The unanchored pattern of a LoopBack {@code like}: {@code %} is any run, {@code _} any one
   * character (as JavaScript's {@code .}: line terminators excluded), everything else literal
   * (API.md section 3).
   */
  static Pattern like(String pattern, boolean caseInsensitive) {
    return CACHE.get("L" + (caseInsensitive ? "i" : "") + "\u0000" + pattern, () -> {
      checkLength(pattern);
      return new PatternCache.Sized(
          Pattern.compile(likeToRe2(pattern), caseInsensitive ? Pattern.CASE_INSENSITIVE : 0), pattern.length() + 2L);
    });
  }

  /**
   * The pattern of a {@code regexp} operand.
   *
   * @throws ApiError 400 when RE2 cannot express it (look-around, back-references, ...)
   */
  static Pattern regexp(RegexpValue value) {
    return CACHE.get("R" + value.flags() + "\u0000" + value.source(), () -> {
      long size = checkCost(value.source());
      return new PatternCache.Sized(compileJs(value), size);
    });
  }

  /** Applies {@code query.patternCacheBytes}. */
  static void resizeCache(long bytes) {
    CACHE.resize(bytes);
  }

  /** The cache's estimated bytes (tests). */
  static long cachedBytes() {
    return CACHE.bytes();
  }

  private static void checkLength(String pattern) {
    int max = QueryLimits.current().maxPatternLength();
    if (pattern.length() > max) {
      throw ApiError.badRequest("The pattern is too long: " + pattern.length()
          + " characters, more than query.maxPatternLength (" + max + ")");
    }
  }

  /** Checks every limit of a regexp source; returns its estimated size. */
  private static long checkCost(String source) {
    checkLength(source);
    QueryConfig limits = QueryLimits.current();
    PatternSize.Estimate estimate = PatternSize.of(source);
    if (estimate.nesting() > limits.maxRepeatNesting()) {
      throw ApiError.badRequest("The pattern nests counted repeats " + estimate.nesting()
          + " deep, more than query.maxRepeatNesting (" + limits.maxRepeatNesting() + ")");
    }
    if (estimate.size() > limits.maxPatternSize()) {
      throw ApiError.badRequest("The pattern is too complex: about " + estimate.size()
          + " instructions once compiled, more than query.maxPatternSize (" + limits.maxPatternSize() + ")");
    }
    return estimate.size();
  }

  /**
   * LoopBack's {@code utils.toRegExp} for a declared property: {@code "/src/flags"} (flags among
   * {@code i}, {@code g}, {@code m}) or a bare source. The result is compiled once to validate it.
   *
   * @throws ApiError 400 for a non-string operand, unknown flags, or a pattern RE2 cannot compile
   */
  static RegexpValue parseRegexp(Object operand) {
    if (!(operand instanceof String s)) {
      throw ApiError.badRequest("Invalid argument, must be a string, regex literal, or RegExp object");
    }
    RegexpValue value = hasFlagsForm(s) ? withFlags(s) : new RegexpValue(s, "");
    regexp(value);
    return value;
  }

  /** JavaScript's {@code /.*\/.+$/.test(s)}: the last line holds a slash that is not its last char. */
  private static boolean hasFlagsForm(String s) {
    int lineStart = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
        lineStart = i + 1;
      }
    }
    int slash = s.indexOf('/', lineStart);
    return slash >= 0 && slash < s.length() - 1;
  }

  private static RegexpValue withFlags(String s) {
    int last = s.lastIndexOf('/');
    String flags = s.substring(last + 1);
    StringBuilder invalid = new StringBuilder();
    for (char c : flags.toCharArray()) {
      if (c != 'i' && c != 'g' && c != 'm') {
        invalid.append(invalid.length() > 0 ? "," : "").append(c);
      }
    }
    if (invalid.length() > 0) {
      throw ApiError.badRequest("Invalid regex flags: " + invalid);
    }
    String source = last >= 1 ? s.substring(1, last) : "";
    return new RegexpValue(source, flags);
  }

  private static Pattern compileJs(RegexpValue value) {
    int flags = 0;
    if (value.caseInsensitive()) {
      flags |= Pattern.CASE_INSENSITIVE;
    }
    if (value.flags().indexOf('m') >= 0) {
      flags |= Pattern.MULTILINE;
    }
    boolean dotAll = value.flags().indexOf('s') >= 0;
    try {
      return Pattern.compile(JsRegexTranslator.translate(value.source(), dotAll), flags);
    } catch (PatternSyntaxException e) {
      throw ApiError.badRequest("Invalid regular expression: /" + value.source() + "/: "
          + e.getDescription());
    }
  }

  /**
   * A run of {@code _} becomes one counted repeat and a run of {@code %} one {@code .*}: RE2J
   * compiles a long concatenation of character classes in quadratic time, a repeat in linear time.
   */
  static String likeToRe2(String pattern) {
    StringBuilder re = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%' || c == '_') {
        int end = i;
        while (end < pattern.length() && pattern.charAt(end) == c) {
          end++;
        }
        if (c == '%') {
          re.append(JsRegexTranslator.JS_DOT).append('*');
        } else {
          JsRegexTranslator.appendRun(re, JsRegexTranslator.JS_DOT, end - i);
        }
        i = end - 1;
      } else {
        JsRegexTranslator.appendLiteral(re, c);
      }
    }
    return re.toString();
  }
}
