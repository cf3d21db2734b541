package io.livemodel.filter;

/** The where operators of the LoopBack filter language (API.md section 3). */
public enum Operator {
  /** Equality ({@code {prop: value}} or {@code {prop: {eq: value}}}); {@code null} matches missing or null. */
  EQ,
  NEQ,
  GT,
  GTE,
  LT,
  LTE,
  /** Value is a 2-element list, inclusive on both ends. */
  BETWEEN,
  /** Value is a list. */
  INQ,
  /** Value is a list. */
  NIN,
  /** Value is the LoopBack pattern string ({@code %} and {@code _}); an unanchored match. */
  LIKE,
  NLIKE,
  ILIKE,
  NILIKE,
  /** Value is a {@link RegexpValue}. */
  REGEXP,
  /**
   * Matches nothing: LoopBack's behaviour for {@code {eq: x}} on an undeclared property, kept so that a
   * store can answer it without special cases.
   */
  NONE;

  /** The operator for a LoopBack operator key such as {@code "gte"}, or null if it is not one. */
  public static Operator fromKey(String key) {
    switch (key) {
      case "eq": return EQ;
      case "neq": return NEQ;
      case "gt": return GT;
      case "gte": return GTE;
      case "lt": return LT;
      case "lte": return LTE;
      case "between": return BETWEEN;
      case "inq": return INQ;
      case "nin": return NIN;
      case "like": return LIKE;
      case "nlike": return NLIKE;
      case "ilike": return ILIKE;
      case "nilike": return NILIKE;
      case "regexp": return REGEXP;
      default: return null;
    }
  }
}
