package io.livemodel.filter;

/**
 * Rewrites a JavaScript regular expression source (without the {@code u} flag) into RE2 syntax with
 * the same meaning where RE2 can express it. What RE2 cannot express (look-around,
 * back-references) is passed through so that RE2 rejects it.
 *
 * <p>Differences handled: JavaScript's {@code .} excludes all line terminators, {@code \s} is
 * Unicode-wide, identity escapes such as {@code \a} or {@code \z} mean the plain letter,
 * {@code \\uXXXX}, {@code \cX}, {@code \0}, {@code \b} inside a class (backspace), {@code []} and
 * {@code [^]}, a {@code [} inside a class, and {@code (?<name>...)} groups.
 */
final class JsRegexTranslator {

  /** JavaScript's {@code .} without the {@code s} flag. */
  static final String JS_DOT = "[^\\n\\r\\x{2028}\\x{2029}]";

  private static final String JS_SPACES =
      "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";

  private static final String ANY_CHAR = "[\\x{0}-\\x{10FFFF}]";
  private static final String NO_CHAR = "[^\\x{0}-\\x{10FFFF}]";

  private JsRegexTranslator() {
  }

  static String translate(String source, boolean dotAll) {
    StringBuilder out = new StringBuilder(source.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i = escape(source, i, inClass, out);
      } else if (inClass) {
        inClass = c != ']';
        out.append(c == '[' ? "\\[" : String.valueOf(c));
      } else if (c == '[') {
        if (source.startsWith("[]", i)) {
          out.append(NO_CHAR);
          i += 1;
        } else if (source.startsWith("[^]", i)) {
          out.append(ANY_CHAR);
          i += 2;
        } else {
          inClass = true;
          out.append('[');
          if (source.startsWith("[^", i)) {
            out.append('^');
            i++;
          }
        }
      } else if (c == '.') {
        // A run of dots is one counted repeat (RE2J compiles long runs of classes in quadratic time);
        // the last dot stays single when a quantifier follows it.
        int end = i;
        while (end < source.length() && source.charAt(end) == '.') {
          end++;
        }
        boolean quantified = end < source.length() && "*+?{".indexOf(source.charAt(end)) >= 0;
        int run = quantified ? end - i - 1 : end - i;
        appendRun(out, dotAll ? ANY_CHAR : JS_DOT, run);
        if (quantified) {
          out.append(dotAll ? ANY_CHAR : JS_DOT);
        }
        i = end - 1;
      } else if (c == '(' && source.startsWith("(?<", i)
          && !source.startsWith("(?<=", i) && !source.startsWith("(?<!", i)) {
        out.append("(?P<");
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Translates the escape starting at {@code source[i] == '\\'}; returns the index of its last char. */
  private static int escape(String source, int i, boolean inClass, StringBuilder out) {
    if (i + 1 >= source.length()) {
      out.append('\\');
      return i;
    }
    char e = source.charAt(i + 1);
    switch (e) {
      case 'd': case 'D': case 'w': case 'W': case 'n': case 'r': case 't': case 'f': case 'v':
        out.append('\\').append(e);
        return i + 1;
      case 's':
        out.append(inClass ? JS_SPACES : "[" + JS_SPACES + "]");
        return i + 1;
      case 'S':
        out.append(inClass ? "\\S" : "[^" + JS_SPACES + "]");
        return i + 1;
      case 'b':
        out.append(inClass ? "\\x{8}" : "\\b");
        return i + 1;
      case 'B':
        out.append(inClass ? "B" : "\\B");
        return i + 1;
      case 'x':
        return hexEscape(source, i, 2, out);
      case 'u':
        return hexEscape(source, i, 4, out);
      case 'c':
        return controlEscape(source, i, out);
      case '0':
        if (i + 2 >= source.length() || !Character.isDigit(source.charAt(i + 2))) {
          out.append("\\x{0}");
          return i + 1;
        }
        out.append("\\0");
        return i + 1;
      default:
        if (e >= '1' && e <= '9') {
          out.append('\\').append(e);
        } else if (Character.isLetter(e)) {
          out.append(e);
        } else {
          appendLiteral(out, e);
        }
        return i + 1;
    }
  }

  private static int hexEscape(String source, int i, int digits, StringBuilder out) {
    int start = i + 2;
    if (start + digits <= source.length() && isHex(source, start, digits)) {
      out.append("\\x{").append(source, start, start + digits).append('}');
      return start + digits - 1;
    }
    out.append(source.charAt(i + 1));
    return i + 1;
  }

  private static int controlEscape(String source, int i, StringBuilder out) {
    if (i + 2 < source.length()) {
      char letter = source.charAt(i + 2);
      if ((letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z')) {
        out.append("\\x{").append(Integer.toHexString(letter % 32)).append('}');
        return i + 2;
      }
    }
    out.append("\\\\c");
    return i + 1;
  }

  private static boolean isHex(String s, int start, int count) {
    for (int k = start; k < start + count; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code count} copies of the class {@code atom}, as one or more counted repeats of at most 1000. */
  static void appendRun(StringBuilder out, String atom, int count) {
    for (int left = count; left > 0; left -= 1000) {
      int n = Math.min(left, 1000);
      out.append(atom);
      if (n > 1) {
        out.append('{').append(n).append('}');
      }
    }
  }

  /** Appends {@code c} so that RE2 matches it literally. */
  static void appendLiteral(StringBuilder out, char c) {
    if (c > ' ' && c < 128 && !Character.isLetterOrDigit(c)) {
      out.append('\\');
    }
    out.append(c);
  }
}
