package io.livemodel.filter;

import io.livemodel.model.ApiError;
import java.util.List;

/**
 * Refuses a where clause holding a lone UTF-16 surrogate in a property path or a value (400): the
 * memory store would compare it as given, PostgreSQL (UTF-8) as {@code ?}, so the two stores would
 * answer differently; writes refuse such text too (422).
 */
final class WhereUnicode {

  private WhereUnicode() {
  }

  static void check(Where where) {
    if (where instanceof Where.And and) {
      and.parts().forEach(WhereUnicode::check);
    } else if (where instanceof Where.Or or) {
      or.parts().forEach(WhereUnicode::check);
    } else if (where instanceof Where.Condition condition) {
      if (!valid(condition.path()) || !validValue(condition.value())) {
        throw ApiError.badRequest("The where clause on " + condition.path().replaceAll("[\\uD800-\\uDFFF]", "?")
            + " holds a lone UTF-16 surrogate, which is not valid Unicode");
      }
    }
  }

  private static boolean validValue(Object value) {
    if (value instanceof String s) {
      return valid(s);
    }
    if (value instanceof RegexpValue regexp) {
      return valid(regexp.source());
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(WhereUnicode::validValue);
    }
    return true;
  }

  private static boolean valid(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
