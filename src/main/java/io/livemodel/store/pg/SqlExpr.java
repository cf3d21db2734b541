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

  /** Strings and booleans as text ({@code "true"}), for JS's {@code String(a) == String(b)}. */
  static String stringOrBoolean(String x) {
    return "(CASE WHEN " + type(x) + " IN ('string', 'boolean') THEN (" + x + " #>> '{}') END)";
  }

  /** Strings, numbers and booleans as text, what a JS regex test sees. */
  static String scalarText(String x) {
    return "(CASE WHEN " + type(x) + " IN ('string', 'number', 'boolean') THEN (" + x + " #>> '{}') END)";
  }

  /** A numeric-looking string as a number (JS relational comparisons convert such strings). */
  static String numericString(String x) {
    return "(CASE WHEN " + type(x) + " = 'string' AND (" + x + " #>> '{}') ~ " + NUMERIC_TEXT
        + " THEN (" + x + " #>> '{}')::numeric END)";
  }

  /** A boolean as 1 or 0, as JS arithmetic sees it. */
  static String booleanNumber(String x) {
    return "(CASE " + x + " WHEN 'true'::jsonb THEN 1 WHEN 'false'::jsonb THEN 0 END)";
  }

  static String bool(String x) {
    return "(CASE WHEN " + type(x) + " = 'boolean' THEN (" + x + ")::boolean END)";
  }

  static String instant(String x) {
    return "(CASE WHEN " + type(x) + " = 'string' AND (" + x + " #>> '{}') ~ " + ISO_DATE
        + " THEN (" + x + " #>> '{}')::timestamptz END)";
  }
}
