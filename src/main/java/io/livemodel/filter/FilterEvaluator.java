package io.livemodel.filter;

import static io.livemodel.js.JsValues.UNDEFINED;

import io.livemodel.js.JsDates;
import io.livemodel.js.JsValues;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The embedded store's query engine, as the memory connector runs a find: where, a stable sort by
 * {@code order} with JavaScript's {@code <}/{@code >} (absent values first ascending, last
 * descending; two ISO dates as instants), then skip, limit and fields. An empty order keeps the
 * input order, which is id order. Stateless and thread-safe.
 */
final class FilterEvaluator {

  private FilterEvaluator() {
  }

  static List<JsonObject> apply(Filter filter, Iterable<JsonObject> instances) {
    List<JsonObject> matched = new ArrayList<>();
    for (JsonObject instance : instances) {
      if (filter.where() == null || filter.where().test(instance)) {
        matched.add(instance);
      }
    }
    if (!filter.order().isEmpty()) {
      stableSort(matched, comparator(filter.order()));
    }
    int from = Math.min(Math.max(filter.skip(), 0), matched.size());
    long end = filter.limit() > 0 ? (long) from + filter.limit() : matched.size();
    List<JsonObject> page = matched.subList(from, (int) Math.min(end, matched.size()));
    if (filter.fields() == null) {
      return new ArrayList<>(page);
    }
    List<JsonObject> projected = new ArrayList<>(page.size());
    for (JsonObject instance : page) {
      projected.add(filter.fields().project(instance));
    }
    return projected;
  }

  /** The memory connector's {@code sorting(a, b)}. */
  static Comparator<JsonObject> comparator(List<OrderSpec> order) {
    return (a, b) -> {
      for (OrderSpec spec : order) {
        Object av = JsValues.getValue(a, spec.property());
        Object bv = JsValues.getValue(b, spec.property());
        Instant ai = asInstant(av);
        Instant bi = ai == null ? null : asInstant(bv);
        if (bi != null) {
          av = ai;
          bv = bi;
        }
        int reverse = spec.descending() ? -1 : 1;
        boolean missingB = bv == UNDEFINED && av != UNDEFINED;
        boolean missingA = av == UNDEFINED && bv != UNDEFINED;
        if (missingB || JsCompare.lessThan(bv, av)) {
          return reverse;
        }
        if (missingA || JsCompare.lessThan(av, bv)) {
          return -reverse;
        }
      }
      return 0;
    };
  }

  /**
   * Dates are stored as ISO strings (or Instants): two values that both read as dates compare as
   * instants, as the connector compares its Date objects, whatever the ISO spelling.
   */
  private static Instant asInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (!(value instanceof String text) || text.length() < 10) {
      return null;
    }
    Long millis = JsDates.parseIso(text);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /**
   * A stable merge sort that tolerates comparators which are not total orders (JavaScript
   * comparisons of mixed types are not), where {@link List#sort} may throw.
   */
  static <T> void stableSort(List<T> list, Comparator<? super T> comparator) {
    @SuppressWarnings("unchecked")
    T[] items = (T[]) list.toArray();
    @SuppressWarnings("unchecked")
    T[] buffer = (T[]) new Object[items.length];
    mergeSort(items, buffer, 0, items.length, comparator);
    for (int i = 0; i < items.length; i++) {
      list.set(i, items[i]);
    }
  }

  private static <T> void mergeSort(T[] items, T[] buffer, int from, int to, Comparator<? super T> cmp) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(items, buffer, from, mid, cmp);
    mergeSort(items, buffer, mid, to, cmp);
    if (cmp.compare(items[mid - 1], items[mid]) <= 0) {
      return;
    }
    System.arraycopy(items, from, buffer, from, to - from);
    int left = from;
    int right = mid;
    for (int k = from; k < to; k++) {
      if (right >= to || (left < mid && cmp.compare(buffer[left], buffer[right]) <= 0)) {
        items[k] = buffer[left++];
      } else {
        items[k] = buffer[right++];
      }
    }
  }
}
