package io.livemodel.store.pg;

import static io.livemodel.store.pg.SqlExpr.bool;
import static io.livemodel.store.pg.SqlExpr.sortNumber;
import static io.livemodel.store.pg.SqlExpr.sortString;
import static io.livemodel.store.pg.SqlExpr.type;

import io.livemodel.filter.OrderSpec;
import java.util.List;

/**
 * Compiles a filter's {@code order} to an ORDER BY list with the memory connector's semantics: missing
 * values first in ASC and last in DESC, numbers numerically (null as 0, as JS's {@code <} sees it), strings by code unit
 * ({@code COLLATE "C"}; dates are stored as ISO strings, whose order is their instants' order),
 * arrays as the string JS makes of them, booleans false before true. Values of different JSON types
 * in one property are grouped by type: JS's comparisons across types are no total order, so the
 * memory connector's order for them depends on its sort algorithm and is not reproduced. Ties keep id order,
 * as the memory connector's stable sort over id-ordered instances does.
 */
final class OrderSql {

  private OrderSql() {
  }

  static String compile(List<OrderSpec> order, String doc, String idColumn, SqlParams params) {
    StringBuilder sql = new StringBuilder();
    for (OrderSpec spec : order) {
      String v = "(" + doc + " #> " + params.add(spec.property().split("\\.", -1), "text[]") + ")";
      String present = "(" + v + " IS NOT NULL)";
      String dir = spec.descending() ? " DESC" : " ASC";
      String nulls = dir + " NULLS LAST, ";
      sql.append(present).append(dir).append(", ")
          .append(sortNumber(v)).append(nulls)
          .append(sortString(v)).append(" COLLATE \"C\"").append(nulls)
          .append(bool(v)).append(nulls)
          .append(v).append(nulls);
    }
    return sql.append(idColumn).append(" ASC").toString();
  }
}
