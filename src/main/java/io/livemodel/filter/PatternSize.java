package io.livemodel.filter;

/**
 * An upper estimate of what RE2 compiles a JavaScript regex source into: the program size in
 * instructions (counted repeats expanded, as RE2 expands them) and the depth of nested counted
 * repeats. Computed from the source alone, in linear time, so that a pattern too costly to compile
 * or to match is refused before it is compiled. The estimate reads only the structure (groups,
 * alternation, classes, escapes, quantifiers); syntax errors are left to RE2.
 */
final class PatternSize {

  /** Sizes saturate here, so that huge repeat counts cannot overflow. */
  private static final long CAP = 1L << 40;

  /** @param size estimated program instructions; @param nesting deepest nesting of counted repeats */
  record Estimate(long size, int nesting) {
  }

  private final String src;
  private int pos;

  private PatternSize(String src) {
    this.src = src;
  }

  static Estimate of(String source) {
    PatternSize parser = new PatternSize(source);
    long size = 0;
    int nesting = 0;
    while (parser.pos < source.length()) {
      Estimate part = parser.alternation();
      size = add(size, part.size());
      nesting = Math.max(nesting, part.nesting());
      parser.pos++; // an unbalanced ')': RE2 rejects it later
    }
    return new Estimate(size, nesting);
  }

  private Estimate alternation() {
    long size = 0;
    int nesting = 0;
    while (true) {
      Estimate branch = concat();
      size = add(size, add(branch.size(), 1));
      nesting = Math.max(nesting, branch.nesting());
      if (pos < src.length() && src.charAt(pos) == '|') {
        pos++;
      } else {
        return new Estimate(size, nesting);
      }
    }
  }

  private Estimate concat() {
    long size = 0;
    int nesting = 0;
    while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
      Estimate atom = quantified(atom());
      size = add(size, atom.size());
      nesting = Math.max(nesting, atom.nesting());
    }
    return new Estimate(size, nesting);
  }

  private Estimate atom() {
    char c = src.charAt(pos++);
    if (c == '(') {
      skipGroupPrefix();
      Estimate inner = alternation();
      if (pos < src.length() && src.charAt(pos) == ')') {
        pos++;
      }
      return new Estimate(add(inner.size(), 2), inner.nesting());
    }
    if (c == '[') {
      skipClass();
    } else if (c == '\\' && pos < src.length()) {
      pos++;
    }
    return new Estimate(1, 0);
  }

  private void skipGroupPrefix() {
    if (pos < src.length() && src.charAt(pos) == '?') {
      int close = src.startsWith("?<", pos) && !src.startsWith("?<=", pos) && !src.startsWith("?<!", pos)
          ? src.indexOf('>', pos) : -1;
      pos = close >= 0 ? close + 1 : Math.min(src.length(), pos + 2);
    }
  }

  /** Skips a class body after its '[': JavaScript ends it at the first unescaped ']' (so "[]" is empty). */
  private void skipClass() {
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == ']') {
        return;
      }
    }
  }

  private Estimate quantified(Estimate atom) {
    if (pos >= src.length()) {
      return atom;
    }
    char c = src.charAt(pos);
    Estimate result;
    if (c == '*' || c == '+' || c == '?') {
      pos++;
      result = new Estimate(add(atom.size(), 1), atom.nesting());
    } else if (c == '{') {
      long[] counts = counts();
      if (counts == null) {
        return atom;
      }
      long max = Math.max(counts[0], counts[1]);
      int nesting = max > 1 ? atom.nesting() + 1 : atom.nesting();
      result = new Estimate(add(multiply(atom.size(), Math.max(max, 1)), max), nesting);
    } else {
      return atom;
    }
    if (pos < src.length() && src.charAt(pos) == '?') {
      pos++; // lazy
    }
    return result;
  }

  /** Reads {n}, {n,} or {n,m} at pos: the counts ({n,} counts n+1), or null (then '{' is a literal). */
  private long[] counts() {
    int k = pos + 1;
    long n = 0;
    int digits = 0;
    while (k < src.length() && Character.isDigit(src.charAt(k))) {
      n = Math.min(CAP, n * 10 + (src.charAt(k++) - '0'));
      digits++;
    }
    if (digits == 0 || k >= src.length()) {
      return null;
    }
    long m = n;
    if (src.charAt(k) == ',') {
      k++;
      m = n + 1;
      long upper = 0;
      int upperDigits = 0;
      while (k < src.length() && Character.isDigit(src.charAt(k))) {
        upper = Math.min(CAP, upper * 10 + (src.charAt(k++) - '0'));
        upperDigits++;
      }
      if (upperDigits > 0) {
        m = upper;
      }
    }
    if (k >= src.length() || src.charAt(k) != '}') {
      return null;
    }
    pos = k + 1;
    return new long[] {n, m};
  }

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  private static long multiply(long a, long b) {
    return a != 0 && b > CAP / a ? CAP : Math.min(CAP, a * b);
  }
}
