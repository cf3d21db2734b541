package io.livemodel.store.pg;

import io.livemodel.filter.RegexpValue;

/**
 * Translates LoopBack's {@code like} patterns and JavaScript regular expressions into PostgreSQL
 * advanced regular expressions (AREs), so that they match what the memory connector matches.
 *
 * <p>Differences closed here: JS {@code .} does not match line terminators (PostgreSQL's does),
 * {@code \d}/{@code \w} are ASCII-only in JS, {@code \b} is a word boundary ({@code \y} in an ARE),
 * {@code \xHH} takes exactly two digits, a {@code {} that is not a quantifier is a literal, and the
 * {@code m} flag makes {@code ^}/{@code $} match at line breaks ({@code (?w)}). Remaining differences
 * (exotic syntax PostgreSQL rejects) make PostgreSQL fail, which the store answers with 400.
 * Matching runs on code points where JS uses UTF-16 code units; that only matters for {@code .}
 * against characters outside the Basic Multilingual Plane.
 */
final class PgRegex {

  /** JS's {@code .}: anything but a line terminator. */
  static final String JS_DOT = "[^\\n\\r\\u2028\\u2029]";

  private PgRegex() {
  }

  /**
   * A LoopBack {@code like} pattern as an unanchored regex: {@code %} is any run, {@code _} one
   * character, every other character literal.
   */
  static String fromLike(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length() * 2);
    pattern.codePoints().forEach(cp -> {
      if (cp == '%') {
        out.append(JS_DOT).append('*');
      } else if (cp == '_') {
        out.append(JS_DOT);
      } else {
        appendLiteral(out, cp);
      }
    });
    return out.toString();
  }

  /** A JS regex source and flags as an ARE (case-insensitivity is left to the {@code ~*} operator). */
  static String fromJs(RegexpValue regexp) {
    String src = regexp.source();
    String flags = regexp.flags() == null ? "" : regexp.flags();
    boolean dotAll = flags.indexOf('s') >= 0;
    StringBuilder out = new StringBuilder(src.length() + 16);
    if (flags.indexOf('m') >= 0) {
      out.append("(?w)");
    }
    boolean inClass = false;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\' && i + 1 < src.length()) {
        i = escape(src, i + 1, inClass, out);
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
          out.append(c);
        } else if (c == '[') {
          out.append("\\[");
        } else {
          out.append(c);
        }
      } else if (c == '[') {
        if (src.startsWith("[^]", i)) {
          out.append("[\\s\\S]");
          i += 2;
        } else {
          inClass = true;
          out.append(c);
          if (i + 1 < src.length() && src.charAt(i + 1) == '^') {
            out.append('^');
            i++;
          }
        }
      } else if (c == '.' && !dotAll) {
        out.append(JS_DOT);
      } else if (c == '{' && !isQuantifier(src, i)) {
        out.append("\\{");
      } else if (c == '}') {
        out.append(isQuantifierEnd(src, i) ? "}" : "\\}");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Translates the escape whose letter is at {@code i}; returns the index of its last character. */
  private static int escape(String src, int i, boolean inClass, StringBuilder out) {
    char e = src.charAt(i);
    switch (e) {
      case 'd': out.append(inClass ? "0-9" : "[0-9]"); return i;
      case 'D': out.append(inClass ? "\\D" : "[^0-9]"); return i;
      case 'w': out.append(inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"); return i;
      case 'W': out.append(inClass ? "\\W" : "[^A-Za-z0-9_]"); return i;
      case 'b': out.append(inClass ? "\\b" : "\\y"); return i;
      case 'B': out.append(inClass ? "B" : "\\Y"); return i;
      case 's': case 'S': case 'n': case 'r': case 't': case 'f': case 'v': case '0':
        out.append('\\').append(e);
        return i;
      case 'x': case 'u': {
        // x with 2 hex digits or u with 4 become PostgreSQL's u escape; without them, the plain letter (as in JS).
        int digits = e == 'x' ? 2 : 4;
        if (isHex(src, i + 1, digits)) {
          out.append(digits == 2 ? "\\u00" : "\\u").append(src, i + 1, i + 1 + digits);
          return i + digits;
        }
        out.append(e);
        return i;
      }
      case 'c':
        if (i + 1 < src.length() && Character.isLetter(src.charAt(i + 1))) {
          out.append("\\c").append(src.charAt(i + 1));
          return i + 1;
        }
        out.append("\\\\c");
        return i;
      default:
        if (e >= '1' && e <= '9') {
          out.append('\\').append(e);
        } else {
          appendLiteral(out, e);
        }
        return i;
    }
  }

  private static void appendLiteral(StringBuilder out, int cp) {
    boolean asciiAlnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp < 128 && !asciiAlnum) {
      out.append('\\');
    }
    out.appendCodePoint(cp);
  }

  private static boolean isHex(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int k = from; k < from + count; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the {@code {} at {@code i} starts a quantifier {@code {n}}, {@code {n,}} or {@code {n,m}}. */
  private static boolean isQuantifier(String s, int i) {
    int k = i + 1;
    int digits = 0;
    while (k < s.length() && Character.isDigit(s.charAt(k))) {
      k++;
      digits++;
    }
    if (digits == 0 || k >= s.length()) {
      return false;
    }
    if (s.charAt(k) == ',') {
      k++;
      while (k < s.length() && Character.isDigit(s.charAt(k))) {
        k++;
      }
    }
    return k < s.length() && s.charAt(k) == '}';
  }

  private static boolean isQuantifierEnd(String s, int i) {
    int open = s.lastIndexOf('{', i);
    return open >= 0 && isQuantifier(s, open) && s.indexOf('}', open) == i;
  }
}
