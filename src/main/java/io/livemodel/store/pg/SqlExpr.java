package io.livemodel.store.pg;

/**
 * SQL fragments reading one JSON value {@code x} (a jsonb expression, SQL NULL when the property is
 * missing) as the memory connector sees it. Each is NULL when {@code x} has another JSON type, so a
 * comparison on it is NULL (treated as "no match"); the CASEs make sure a cast only runs on a value
 * of the right type, so no stored value can make a query fail.
 */
final class SqlExpr {

  /** A JSON string PostgreSQL can read as a timestamptz: ISO 8601 as LiveModel stores dates. */
  static final String ISO_DATE = "'^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$'";
  /** A JSON string JS's {@code Number()} reads as a number (decimal forms). */
  static final String NUMERIC_TEXT = "'^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,4})?\\s*$'";

  private SqlExpr() {
  }

  static String type(String x) {
    return "jsonb_typeof(" + x + ")";
  }

  /** True when the value is missing or JSON null. */
  static String isNull(String x) {
    return "(" + x + " IS NULL OR " + type(x) + " = 'null')";
  }

  static String number(String x) {
    return "(CASE WHEN " + type(x) + " = 'number' THEN (" + x + ")::numeric END)";
  }

  static String string(String x) {
    return "(CASE WHEN " + type(x) + " = 'string' THEN (" + x + " #>> '{}') END)";
  }

  /**
   * Strings, booleans and objects as JS's {@code String(x)} ({@code "true"}, {@code "[object Object]"}),
   * for {@code String(a) == String(b)}; numbers are compared as numbers instead.
   */
  static String stringOrBoolean(String x) {
    return "(CASE WHEN " + type(x) + " IN ('string', 'boolean') THEN (" + x + " #>> '{}')"
        + " WHEN " + type(x) + " = 'object' THEN '[object Object]' END)";
  }

  /** Strings, and objects as {@code "[object Object]"}, for JS's {@code ==} with a string. */
  static String objectOrString(String x) {
    return "(CASE " + type(x) + " WHEN 'string' THEN (" + x + " #>> '{}') WHEN 'object' THEN '[object Object]' END)";
  }

  /** JS's {@code String(value)} for a non-array value, what a {@code like} test sees. */
  static String jsString(String x) {
    return "(CASE WHEN " + x + " IS NULL THEN 'undefined' WHEN " + type(x) + " = 'object' THEN '[object Object]'"
        + " WHEN " + type(x) + " = 'null' THEN 'null' ELSE (" + x + " #>> '{}') END)";
  }

  /** The sort key of numbers; null sorts as 0, as JS's {@code <} converts it. */
  static String sortNumber(String x) {
    return "(CASE " + type(x) + " WHEN 'number' THEN (" + x + ")::numeric WHEN 'null' THEN 0 END)";
  }

  /**
   * A string as JS's {@code Number(s)} reads it (decimal forms; blank is 0), or NULL for NaN: JS
   * comparisons between a string and a number or boolean convert the string so.
   */
  static String numericString(String x) {
    return "(CASE WHEN " + type(x) + " <> 'string' THEN NULL"
        + " WHEN (" + x + " #>> '{}') ~ " + NUMERIC_TEXT + " THEN (" + x + " #>> '{}')::numeric"
        + " WHEN (" + x + " #>> '{}') ~ '^\\s*$' THEN 0 END)";
  }

  /** JS's {@code Number(x)} for strings, numbers and booleans; NULL for NaN, null, objects. */
  static String toNumber(String x) {
    return "coalesce(" + number(x) + ", " + numericString(x) + ", " + booleanNumber(x) + ")";
  }

  /** A boolean as 1 or 0, as JS arithmetic sees it. */
  static String booleanNumber(String x) {
    return "(CASE " + x + " WHEN 'true'::jsonb THEN 1 WHEN 'false'::jsonb THEN 0 END)";
  }

  /**
   * The sort key of strings and arrays: arrays sort as JS's {@code String(array)}, their elements
   * joined with commas (null elements empty), as JS's {@code <} compares them.
   */
  static String sortString(String x) {
    return "(CASE " + type(x) + " WHEN 'string' THEN (" + x + " #>> '{}') WHEN 'array' THEN (SELECT"
        + " coalesce(string_agg(coalesce(e.v #>> '{}', ''), ',' ORDER BY e.n), '')"
        + " FROM jsonb_array_elements(" + x + ") WITH ORDINALITY AS e(v, n)) END)";
  }

  static String bool(String x) {
    return "(CASE WHEN " + type(x) + " = 'boolean' THEN (" + x + ")::boolean END)";
  }

  static String instant(String x) {
    return "(CASE WHEN " + type(x) + " = 'string' AND (" + x + " #>> '{}') ~ " + ISO_DATE
        + " THEN (" + x + " #>> '{}')::timestamptz END)";
  }
}
