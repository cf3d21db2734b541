package io.livemodel.store.pg;

import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
   * The instance from a row, in canonical order: {@code src} (the instance as written, kept only when
   * jsonb would lose its key order, see {@link #keyOrderSurvives}) when it is there, else {@code doc}.
   */
  static JsonObject fromRow(ModelDefinition model, JsonObject doc, JsonObject src) {
    return canonical(model, src != null ? src : doc);
  }

  /**
   * Whether reading {@code instance} back from jsonb gives the keys of its canonical form
   * ({@link #canonical}: declared properties in declaration order, then the others as written) in
   * the same order: jsonb keeps object keys sorted (shorter first, then by bytes), so the undeclared
   * keys and every nested object's keys must already be in that order. When they are not, the row
   * keeps the instance as written in its {@code src} column, as the memory store and the change events
   * keep insertion order.
   */
  static boolean keyOrderSurvives(ModelDefinition model, JsonObject instance) {
    String previous = null;
    for (Map.Entry<String, Object> entry : instance) {
      String key = entry.getKey();
      if (!model.properties().containsKey(key)) {
        if (previous != null && JSONB_KEY_ORDER.compare(previous, key) > 0) {
          return false;
        }
        previous = key;
      }
      if (!nestedOrderSurvives(entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean nestedOrderSurvives(Object value) {
    if (value instanceof JsonObject object) {
      return nestedOrderSurvives(object.getMap());
    }
    if (value instanceof JsonArray array) {
      return nestedOrderSurvives(array.getList());
    }
    if (value instanceof Map<?, ?> map) {
      String previous = null;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (previous != null && JSONB_KEY_ORDER.compare(previous, key) > 0 || !nestedOrderSurvives(entry.getValue())) {
          return false;
        }
        previous = key;
      }
      return true;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!nestedOrderSurvives(item)) {
          return false;
        }
      }
    }
    return true;
  }

  /** jsonb's order of object keys: shorter (in UTF-8 bytes) first, then by unsigned bytes. */
  static final Comparator<String> JSONB_KEY_ORDER = (a, b) -> {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
  };

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
