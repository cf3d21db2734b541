package io.livemodel.http;

import io.livemodel.js.JsValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The object building of {@code qs} ({@code parseObject}, {@code utils.merge}, {@code combine},
 * {@code compact}) over a JavaScript-like model: objects are {@link LinkedHashMap}s, arrays are
 * {@link JsArray}s that may have holes until {@link #toJson} compacts them.
 */
final class QsMerge {

  private QsMerge() {
  }

  /** A JavaScript array under construction: {@link #HOLE} marks an index never assigned. */
  static final class JsArray {
    static final Object HOLE = new Object();
    final List<Object> items = new ArrayList<>();

    boolean has(int index) {
      return index < items.size() && items.get(index) != HOLE;
    }

    void set(int index, Object value) {
      while (items.size() <= index) {
        items.add(HOLE);
      }
      items.set(index, value);
    }

    void push(Object value) {
      items.add(value);
    }
  }

  /** {@code [].concat(a, b)}. */
  static Object combine(Object a, Object b) {
    JsArray out = new JsArray();
    concatInto(out, a);
    concatInto(out, b);
    return out;
  }

  private static void concatInto(JsArray out, Object value) {
    if (value instanceof JsArray array) {
      out.items.addAll(array.items);
    } else {
      out.push(value);
    }
  }

  /** qs's {@code parseObject}: builds the nested value for one key chain, innermost first. */
  static Object parseObject(List<String> chain, Object value) {
    Object leaf = value;
    for (int i = chain.size() - 1; i >= 0; i--) {
      String root = chain.get(i);
      if (root.equals("[]")) {
        JsArray array = new JsArray();
        concatInto(array, leaf);
        leaf = array;
        continue;
      }
      boolean bracketed = root.length() >= 2 && root.charAt(0) == '[' && root.charAt(root.length() - 1) == ']';
      String clean = bracketed ? root.substring(1, root.length() - 1) : root;
      int index = JsValues.arrayIndex(clean);
      if (bracketed && index >= 0 && index <= Qs.ARRAY_LIMIT) {
        JsArray array = new JsArray();
        array.set(index, leaf);
        leaf = array;
      } else {
        Map<String, Object> object = new LinkedHashMap<>();
        if (!clean.equals("__proto__")) {
          object.put(clean, leaf);
        }
        leaf = object;
      }
    }
    return leaf;
  }

  private static boolean isObject(Object value) {
    return value instanceof Map || value instanceof JsArray;
  }

  private static boolean truthy(Object value) {
    return value != null && !"".equals(value);
  }

  /** qs's {@code utils.merge(target, source)} (with {@code allowPrototypes}). */
  @SuppressWarnings("unchecked")
  static Object merge(Object target, Object source) {
    if (!truthy(source)) {
      return target;
    }
    if (!isObject(source)) {
      if (target instanceof JsArray array) {
        array.push(source);
      } else if (target instanceof Map) {
        ((Map<String, Object>) target).put(String.valueOf(source), Boolean.TRUE);
      } else {
        return combine(target, source);
      }
      return target;
    }
    if (!isObject(target)) {
      return combine(target, source);
    }
    if (target instanceof JsArray targetArray && source instanceof JsArray sourceArray) {
      for (int i = 0; i < sourceArray.items.size(); i++) {
        Object item = sourceArray.items.get(i);
        if (item == JsArray.HOLE) {
          continue;
        }
        if (targetArray.has(i)) {
          Object existing = targetArray.items.get(i);
          if (isObject(existing) && isObject(item)) {
            targetArray.items.set(i, merge(existing, item));
          } else {
            targetArray.push(item);
          }
        } else {
          targetArray.set(i, item);
        }
      }
      return targetArray;
    }
    Map<String, Object> into = target instanceof JsArray array ? arrayToObject(array) : (Map<String, Object>) target;
    for (Map.Entry<String, Object> entry : entries(source)) {
      into.merge(entry.getKey(), entry.getValue(), QsMerge::merge);
    }
    return into;
  }

  @SuppressWarnings("unchecked")
  private static Collection<Map.Entry<String, Object>> entries(Object source) {
    if (source instanceof JsArray array) {
      return arrayToObject(array).entrySet();
    }
    return ((Map<String, Object>) source).entrySet();
  }

  private static Map<String, Object> arrayToObject(JsArray array) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < array.items.size(); i++) {
      if (array.items.get(i) != JsArray.HOLE) {
        object.put(Integer.toString(i), array.items.get(i));
      }
    }
    return object;
  }

  /** JavaScript's own-key order: array-index keys ascending, then the others in insertion order. */
  static List<String> jsKeyOrder(Collection<String> keys) {
    TreeMap<Integer, String> indexes = new TreeMap<>();
    List<String> others = new ArrayList<>();
    for (String key : keys) {
      int index = JsValues.arrayIndex(key);
      if (index >= 0) {
        indexes.put(index, key);
      } else {
        others.add(key);
      }
    }
    List<String> ordered = new ArrayList<>(indexes.values());
    ordered.addAll(others);
    return ordered;
  }

  /** Converts to Vert.x JSON, dropping array holes ({@code utils.compact}). */
  @SuppressWarnings("unchecked")
  static Object toJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      for (String key : jsKeyOrder((Collection<String>) map.keySet())) {
        object.put(key, toJson(map.get(key)));
      }
      return object;
    }
    if (value instanceof JsArray array) {
      JsonArray out = new JsonArray();
      for (Object item : array.items) {
        if (item != JsArray.HOLE) {
          out.add(toJson(item));
        }
      }
      return out;
    }
    return value;
  }
}
