package io.livemodel.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.livemodel.model.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles {@code like}-family patterns and {@code regexp} operands to RE2J patterns, which match in
 * time linear in the input (no catastrophic backtracking), and keeps them in a bounded LRU cache so
 * evaluating a condition over many instances compiles once.
 *
 * <p>Thread-safe: the cache is guarded by its own lock; compiled patterns are immutable.
 */
final class Patterns {

  /** Enough distinct patterns for every live subscription and query of a busy node. */
  private static final int CACHE_SIZE = 512;

  private static final Map<String, Pattern> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private Patterns() {
  }

  /**
   * The unanchored pattern of a LoopBack {@code like}: {@code %} is any run, {@code _} any one
   * character (as JavaScript's {@code .}: line terminators excluded), everything else literal
   * (API.md section 3).
   */
  static Pattern like(String pattern, boolean caseInsensitive) {
    return cached("L" + (caseInsensitive ? "i" : "") + "\u0000" + pattern,
        () -> Pattern.compile(likeToRe2(pattern), caseInsensitive ? Pattern.CASE_INSENSITIVE : 0));
  }

  /**
   * The pattern of a {@code regexp} operand.
   *
   * @throws ApiError 400 when RE2 cannot express it (look-around, back-references, ...)
   */
  static Pattern regexp(RegexpValue value) {
    return cached("R" + value.flags() + "\u0000" + value.source(), () -> compileJs(value));
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

  static String likeToRe2(String pattern) {
    StringBuilder re = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%') {
        re.append(JsRegexTranslator.JS_DOT).append('*');
      } else if (c == '_') {
        re.append(JsRegexTranslator.JS_DOT);
      } else {
        JsRegexTranslator.appendLiteral(re, c);
      }
    }
    return re.toString();
  }

  private static Pattern cached(String key, java.util.function.Supplier<Pattern> compile) {
    synchronized (CACHE) {
      Pattern hit = CACHE.get(key);
      if (hit != null) {
        return hit;
      }
    }
    Pattern compiled = compile.get();
    synchronized (CACHE) {
      CACHE.put(key, compiled);
    }
    return compiled;
  }
}
