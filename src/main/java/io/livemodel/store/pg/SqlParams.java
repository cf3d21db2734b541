package io.livemodel.store.pg;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the bind parameters of one statement. Every value that comes from a request goes through
 * here and appears in the SQL text only as {@code $n}; the SQL text itself holds nothing but fixed
 * keywords, quoted identifiers chosen at open, and these placeholders.
 *
 * <p>Not thread-safe: one per statement.
 */
final class SqlParams {

  private final List<Object> values = new ArrayList<>();

  /** Adds a value and returns its placeholder, with a cast when one is given (e.g. {@code "text[]"}). */
  String add(Object value, String cast) {
    values.add(value);
    String placeholder = "$" + values.size();
    return cast == null ? placeholder : placeholder + "::" + cast;
  }

  Tuple tuple() {
    return Tuple.wrap(new ArrayList<>(values));
  }

  int size() {
    return values.size();
  }
}
