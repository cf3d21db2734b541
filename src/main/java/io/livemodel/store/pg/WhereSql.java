package io.livemodel.store.pg;

import static io.livemodel.store.pg.SqlExpr.booleanNumber;
import static io.livemodel.store.pg.SqlExpr.instant;
import static io.livemodel.store.pg.SqlExpr.isNull;
import static io.livemodel.store.pg.SqlExpr.jsString;
import static io.livemodel.store.pg.SqlExpr.number;
import static io.livemodel.store.pg.SqlExpr.objectOrString;
import static io.livemodel.store.pg.SqlExpr.string;
import static io.livemodel.store.pg.SqlExpr.stringOrBoolean;
import static io.livemodel.store.pg.SqlExpr.toNumber;
import static io.livemodel.store.pg.SqlExpr.type;

import io.livemodel.filter.Operator;
import io.livemodel.filter.RegexpValue;
import io.livemodel.filter.Where;
import io.livemodel.js.JsValues;
import io.livemodel.model.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compiles a {@link Where} tree to a boolean SQL expression over the {@code doc} column, with the
 * memory connector's semantics (API.md section 3) as {@code io.livemodel.filter.WhereEvaluator}
 * implements them. Property paths and values only ever appear as bind parameters.
 *
 * <p>Semantics per value, where {@code x} is a stored JSON value: an array matches when one of its
 * elements matches (a {@code neq} also matches an empty array); equality ({@code eq}, {@code inq}) is
 * JS's {@code String(a) == String(b)} with numbers compared as numbers and dates as instants, and
 * {@code null} matches missing or null (but no array); {@code neq}/{@code nin}/{@code nlike}/{@code nilike}
 * are the negations, so they match missing values; the like family tests JS's {@code String(value)}
 * ({@code "undefined"} when missing); {@code regexp} only matches non-empty strings; {@code gt}-family comparisons follow JS's relational
 * operators (strings by code unit, a numeric string against a number numerically, booleans as 0/1)
 * and never match a missing value. A dotted path whose prefix is an array of objects also matches
 * when one of the objects matches the rest of the path, as in the memory connector.
 *
 * <p>Not thread-safe: one per statement.
 */
final class WhereSql {

  /** Arrays nested deeper than this are not searched (the memory connector searches all). */
  private static final int MAX_NESTED_ARRAYS = 3;
  /** Paths deeper than this are compared directly only (no search through arrays of objects). */
  private static final int MAX_ARRAY_SEARCH_DEPTH = 8;

  /**
   * Longer like/regexp patterns are refused with 400: PostgreSQL compiles a pattern of 100k
   * characters for seconds, holding a connection until the statement timeout.
   */
  static final int MAX_PATTERN_LENGTH = 10_000;

  private final SqlParams params;
  private int aliases;

  WhereSql(SqlParams params) {
    this.params = params;
  }

  /** The SQL condition for {@code where} on the jsonb expression {@code doc}; {@code true} for null. */
  String compile(Where where, String doc) {
    if (where == null) {
      return "true";
    }
    if (where instanceof Where.And and) {
      return join(and.parts(), " AND ", "true", doc);
    }
    if (where instanceof Where.Or or) {
      return join(or.parts(), " OR ", "false", doc);
    }
    Where.Condition condition = (Where.Condition) where;
    if (condition.op() == Operator.NONE) {
      return "false";
    }
    String[] segments = condition.path().split("\\.", -1);
    return "(" + pathTest(doc, segments, condition, 0) + ")";
  }

  private String join(List<Where> parts, String operator, String empty, String doc) {
    if (parts.isEmpty()) {
      return empty;
    }
    StringJoiner joined = new StringJoiner(operator, "(", ")");
    for (Where part : parts) {
      joined.add(compile(part, doc));
    }
    return joined.toString();
  }

  /** The direct test of the path, or-ed with a search through arrays along the path. */
  private String pathTest(String base, String[] segments, Where.Condition c, int depth) {
    String value = "(" + base + " #> " + params.add(segments, "text[]") + ")";
    String direct = valueTest(value, c);
    if (segments.length == 1 || depth >= MAX_ARRAY_SEARCH_DEPTH) {
      return direct;
    }
    String head = "(" + base + " -> " + params.add(segments[0], "text") + ")";
    String alias = "p" + (aliases++);
    String nested = pathTest(alias + ".x", Arrays.copyOfRange(segments, 1, segments.length), c, depth + 1);
    return direct + " OR (" + type(head) + " IN ('array', 'object') AND EXISTS (SELECT 1 FROM jsonb_array_elements("
        + "CASE WHEN " + type(head) + " = 'array' THEN " + head + " ELSE jsonb_build_array(" + head + ") END) AS "
        + alias + "(x) WHERE " + nested + "))";
  }

  /** The test of one stored value: per element when it is an array (nested arrays too, to a depth). */
  private String valueTest(String v, Where.Condition c) {
    return valueTest(v, c, 0);
  }

  private String valueTest(String v, Where.Condition c, int depth) {
    if (depth >= MAX_NESTED_ARRAYS) {
      return scalarTest(v, c);
    }
    String alias = "a" + (aliases++);
    String anyElement = "EXISTS (SELECT 1 FROM jsonb_array_elements(" + v + ") AS " + alias + "(x) WHERE "
        + valueTest(alias + ".x", c, depth + 1) + ")";
    if (c.op() == Operator.NEQ) {
      anyElement = "(jsonb_array_length(" + v + ") = 0 OR " + anyElement + ")";
    } else if (c.op() == Operator.EQ && c.value() == null) {
      anyElement = "false";
    }
    return "CASE WHEN " + type(v) + " = 'array' THEN " + anyElement + " ELSE " + scalarTest(v, c) + " END";
  }

  /** A never-NULL test of one (non-array) value. */
  private String scalarTest(String x, Where.Condition c) {
    Object value = c.value();
    switch (c.op()) {
      case EQ: return positive(stringEquality(x, wrapNull(value)));
      case NEQ: return negative(looseEquality(x, List.of(wrapNull(value))));
      case INQ: return positive(looseEquality(x, list(value)));
      case NIN: return negative(looseEquality(x, list(value)));
      case GT: return positive(compare(x, ">", value));
      case GTE: return positive(compare(x, ">=", value));
      case LT: return positive(compare(x, "<", value));
      case LTE: return positive(compare(x, "<=", value));
      case BETWEEN: {
        List<?> bounds = list(value);
        if (bounds.size() != 2) {
          return "false";
        }
        return positive(compare(x, ">=", bounds.get(0)) + " AND " + compare(x, "<=", bounds.get(1)));
      }
      case LIKE: return positive(like(x, value, false));
      case NLIKE: return negative(like(x, value, false));
      case ILIKE: return positive(like(x, value, true));
      case NILIKE: return negative(like(x, value, true));
      case REGEXP: return positive(regexp(x, value));
      default: return "false";
    }
  }

  private static String positive(String test) {
    return "coalesce(" + test + ", false)";
  }

  private static String negative(String test) {
    return "NOT coalesce(" + test + ", false)";
  }

  private static Object wrapNull(Object value) {
    return value == null ? NullValue.INSTANCE : value;
  }

  private static List<?> list(Object value) {
    if (value instanceof JsonArray array) {
      return array.getList();
    }
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    return List.of(wrapNull(value));
  }

  /**
   * The {@code eq} test, {@code String(example) == String(value)}: null matches missing or null,
   * numbers compare as numbers (so 3.0 equals "3"), dates as instants.
   */
  private String stringEquality(String x, Object v) {
    if (v == NullValue.INSTANCE) {
      return isNull(x);
    }
    if (v instanceof Instant i) {
      return "(" + instant(x) + " = " + params.add(OffsetDateTime.ofInstant(i, ZoneOffset.UTC), "timestamptz") + ")";
    }
    String text = JsValues.toJsString(v);
    String test = "(" + stringOrBoolean(x) + " = " + params.add(text, "text");
    BigDecimal n = SqlNumbers.canonicalNumber(text);
    if (n != null) {
      test += " OR " + number(x) + " = " + params.add(Numeric.create(n), "numeric");
    }
    return test + ")";
  }

  /**
   * JS's {@code example == value} against any of {@code values} ({@code inq}, {@code nin}, {@code neq}):
   * null equals missing or null; a number or boolean equals what {@code Number(value)} makes of a
   * string, number or boolean; a string equals the same string, or a number or boolean equal to
   * {@code Number(string)}. Values are grouped by kind into a few array parameters.
   */
  private String looseEquality(String x, List<?> values) {
    boolean matchNull = false;
    List<String> texts = new ArrayList<>();
    List<Numeric> numbers = new ArrayList<>();
    List<Numeric> numbersOfTexts = new ArrayList<>();
    List<OffsetDateTime> instants = new ArrayList<>();
    for (Object v : values) {
      if (v == null || v == NullValue.INSTANCE) {
        matchNull = true;
      } else if (v instanceof Number || v instanceof Boolean) {
        Numeric numeric = v instanceof Boolean b ? Numeric.create(b ? 1 : 0) : SqlNumbers.numeric((Number) v);
        if (numeric != null) {
          numbers.add(numeric);
        }
      } else if (v instanceof Instant i) {
        instants.add(OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
      } else {
        String s = JsValues.toJsString(v);
        texts.add(s);
        BigDecimal n = SqlNumbers.numberOf(s);
        if (n != null) {
          numbersOfTexts.add(Numeric.create(n));
        }
      }
    }
    StringJoiner any = new StringJoiner(" OR ", "(", ")");
    any.setEmptyValue("false");
    if (matchNull) {
      any.add(isNull(x));
    }
    if (!texts.isEmpty()) {
      any.add(objectOrString(x) + " = ANY(" + params.add(texts.toArray(new String[0]), "text[]") + ")");
    }
    if (!numbersOfTexts.isEmpty()) {
      any.add("coalesce(" + number(x) + ", " + booleanNumber(x) + ") = ANY("
          + params.add(numbersOfTexts.toArray(new Numeric[0]), "numeric[]") + ")");
    }
    if (!numbers.isEmpty()) {
      any.add(toNumber(x) + " = ANY(" + params.add(numbers.toArray(new Numeric[0]), "numeric[]") + ")");
    }
    if (!instants.isEmpty()) {
      any.add(instant(x) + " = ANY(" + params.add(instants.toArray(new OffsetDateTime[0]), "timestamptz[]") + ")");
    }
    return any.toString();
  }

  /** JS relational comparison {@code stored OP value}; never true for a missing value. */
  private String compare(String x, String op, Object value) {
    if (value instanceof Number n) {
      Numeric numeric = SqlNumbers.numeric(n);
      if (numeric == null) {
        return "false";
      }
      return "(" + toNumber(x) + " " + op + " " + params.add(numeric, "numeric") + ")";
    }
    if (value instanceof String s) {
      // Code-unit order equals the byte order of COLLATE "C" except for characters outside the BMP
      // against U+E000..U+FFFF, which UTF-16 orders the other way round.
      String test = "(" + string(x) + " COLLATE \"C\" " + op + " " + params.add(s, "text") + ")";
      BigDecimal n = SqlNumbers.numberOf(s);
      if (n != null) {
        test = "(" + test + " OR coalesce(" + number(x) + ", " + booleanNumber(x) + ") " + op + " "
            + params.add(Numeric.create(n), "numeric") + ")";
      }
      return test;
    }
    if (value instanceof Instant i) {
      return "(" + instant(x) + " " + op + " " + params.add(OffsetDateTime.ofInstant(i, ZoneOffset.UTC), "timestamptz") + ")";
    }
    if (value instanceof Boolean b) {
      return "(" + toNumber(x) + " " + op + " " + params.add(b ? 1 : 0, "int") + ")";
    }
    return "false";
  }

  private String like(String x, Object pattern, boolean caseInsensitive) {
    if (!(pattern instanceof String p)) {
      return "false";
    }
    checkLength(p);
    return "(" + jsString(x) + (caseInsensitive ? " ~* " : " ~ ") + params.add(PgRegex.fromLike(p), "text") + ")";
  }

  private String regexp(String x, Object value) {
    RegexpValue regexp = value instanceof RegexpValue r ? r
        : value instanceof String s ? new RegexpValue(s, "") : null;
    if (regexp == null) {
      return "false";
    }
    checkLength(regexp.source());
    String op = regexp.flags() != null && regexp.caseInsensitive() ? " ~* " : " ~ ";
    return "(" + string(x) + " <> '' AND " + string(x) + op + params.add(PgRegex.fromJs(regexp), "text") + ")";
  }

  private static void checkLength(String pattern) {
    if (pattern.length() > MAX_PATTERN_LENGTH) {
      throw ApiError.badRequest("The pattern is too long (more than " + MAX_PATTERN_LENGTH + " characters)");
    }
  }

  /** Marks a null inside a value list (List.of rejects nulls). */
  private enum NullValue { INSTANCE }
}
