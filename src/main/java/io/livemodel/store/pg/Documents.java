package io.livemodel.store.pg;

import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;

/** Conversions between instances and rows. */
final class Documents {

  private Documents() {
  }

  /**
   * The instance in canonical key order (declared properties in declaration order, the id among
   * them, then the others), since jsonb keeps no key order.
   */
  static JsonObject canonical(ModelDefinition model, JsonObject stored) {
    JsonObject out = new JsonObject();
    for (String name : model.properties().keySet()) {
      if (stored.containsKey(name)) {
        out.put(name, stored.getValue(name));
      }
    }
    for (String key : stored.fieldNames()) {
      if (!out.containsKey(key)) {
        out.put(key, stored.getValue(key));
      }
    }
    Object id = out.getValue(model.idName());
    if (id instanceof Integer i) {
      out.put(model.idName(), i.longValue());
    }
    return out;
  }

  /**
   * The id column value for an id, or null when no row can have it (an id of the wrong type, or a
   * string PostgreSQL cannot hold), so lookups find nothing.
   */
  static Object idParam(ModelDefinition model, Object id) {
    if (id == null) {
      return null;
    }
    if (PgSchema.numericIds(model)) {
      return id instanceof Number n ? SqlNumbers.numeric(n) : null;
    }
    String text = id instanceof String s ? s : String.valueOf(id);
    return text.indexOf('\0') >= 0 ? null : text;
  }

  /** Whether two ids name the same row (numbers compared numerically). */
  static boolean sameId(ModelDefinition model, Object a, Object b) {
    Object x = idParam(model, a);
    Object y = idParam(model, b);
    if (x instanceof Numeric m && y instanceof Numeric n) {
      return m.bigDecimalValue().compareTo(n.bigDecimalValue()) == 0;
    }
    return x != null && x.equals(y);
  }

  /** The whole part of a numeric id when it can advance the id counter, else null. */
  static Long counterValue(Object id) {
    if (!(id instanceof Number n)) {
      return null;
    }
    Numeric numeric = SqlNumbers.numeric(n);
    if (numeric == null) {
      return null;
    }
    BigDecimal whole = numeric.bigDecimalValue().setScale(0, java.math.RoundingMode.FLOOR);
    return whole.signum() > 0 && whole.toBigInteger().bitLength() < 63 ? whole.longValueExact() : null;
  }
}
