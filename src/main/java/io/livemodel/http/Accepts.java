package io.livemodel.http;

import java.util.Locale;

/**
 * A small reading of the {@code Accept} header, as Express's {@code req.accepts(type)} answers it:
 * no header accepts everything; {@code *}{@code /*} and {@code type/*} ranges match; {@code q=0}
 * excludes.
 */
final class Accepts {

  private Accepts() {
  }

  static boolean accepts(String acceptHeader, String mediaType) {
    if (acceptHeader == null || acceptHeader.isBlank()) {
      return true;
    }
    String wanted = mediaType.toLowerCase(Locale.ROOT);
    String wantedMajor = wanted.substring(0, wanted.indexOf('/'));
    for (String part : acceptHeader.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.trim().split(";");
      if (pieces.length == 0) {
        continue; // garbage such as ";;;;" names no range: it accepts nothing (406, not a crash)
      }
      String range = pieces[0].trim();
      if (zeroQuality(pieces)) {
        continue;
      }
      if (range.equals("*/*") || range.equals(wanted) || range.equals(wantedMajor + "/*")) {
        return true;
      }
    }
    return false;
  }

  private static boolean zeroQuality(String[] pieces) {
    for (int i = 1; i < pieces.length; i++) {
      String p = pieces[i].trim();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2).trim()) <= 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }
}
