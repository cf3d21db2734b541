package io.livemodel.store.memory;

import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;

/**
 * The instances a transaction sees, in id order: the committed ones merged with the transaction's
 * staged ones, a staged instance replacing the committed one of the same id and a staged delete
 * (the {@code deleted} marker, compared by identity) hiding it.
 */
final class OverlayView implements Iterable<JsonObject> {

  private final NavigableMap<Object, JsonObject> committed;
  private final NavigableMap<Object, JsonObject> staged;
  private final JsonObject deleted;

  OverlayView(NavigableMap<Object, JsonObject> committed, NavigableMap<Object, JsonObject> staged, JsonObject deleted) {
    this.committed = committed;
    this.staged = staged;
    this.deleted = deleted;
  }

  @Override
  public Iterator<JsonObject> iterator() {
    return new Iterator<>() {
      private final Iterator<Map.Entry<Object, JsonObject>> base = committed.entrySet().iterator();
      private final Iterator<Map.Entry<Object, JsonObject>> top = staged.entrySet().iterator();
      private Map.Entry<Object, JsonObject> nextBase = advance(base);
      private Map.Entry<Object, JsonObject> nextTop = advance(top);
      private JsonObject next = compute();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public JsonObject next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        JsonObject current = next;
        next = compute();
        return current;
      }

      private JsonObject compute() {
        while (nextBase != null || nextTop != null) {
          int order = nextBase == null ? 1 : nextTop == null ? -1
              : IdOrder.INSTANCE.compare(nextBase.getKey(), nextTop.getKey());
          JsonObject candidate;
          if (order < 0) {
            candidate = nextBase.getValue();
            nextBase = advance(base);
          } else {
            candidate = nextTop.getValue();
            nextTop = advance(top);
            if (order == 0) {
              nextBase = advance(base);
            }
          }
          if (candidate != deleted) {
            return candidate;
          }
        }
        return null;
      }
    };
  }

  private static Map.Entry<Object, JsonObject> advance(Iterator<Map.Entry<Object, JsonObject>> it) {
    return it.hasNext() ? it.next() : null;
  }
}
