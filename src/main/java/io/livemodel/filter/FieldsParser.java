package io.livemodel.filter;

import io.livemodel.js.JsValues;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Juggler's {@code fieldsToArray}: every form of {@code fields} becomes a list of the keys to keep.
 * <ul>
 *   <li>{@code "a"} or {@code ["a","id"]}: those keys (the id is not added);
 *   <li>{@code {a:true,b:true}}: the truthy keys;
 *   <li>{@code {a:false}} (no truthy key): the <em>declared</em> properties minus the excluded ones,
 *       so undeclared properties are dropped too, as in LoopBack;
 *   <li>{@code {}}, {@code []} or a falsy value: no projection.
 * </ul>
 * Strict models keep only declared names. Bracket syntax sends leaves as strings: {@code "false"}
 * counts as false here (LoopBack, which tests JavaScript truthiness, would include the key).
 */
final class FieldsParser {

  private FieldsParser() {
  }

  static Fields parse(Object raw, ModelDefinition model) {
    if (!JsValues.truthy(raw)) {
      return null;
    }
    List<String> declared = new ArrayList<>(model.properties().keySet());
    List<String> result = declared;
    if (raw instanceof String name) {
      result = List.of(name);
    } else if (raw instanceof JsonArray array) {
      if (array.isEmpty()) {
        return null;
      }
      result = new ArrayList<>();
      for (Object item : JsValues.elements(array)) {
        result.add(JsValues.toJsString(item));
      }
    } else if (raw instanceof JsonObject object) {
      if (object.isEmpty()) {
        return null;
      }
      result = fromObject(object, declared);
    }
    LinkedHashSet<String> names = new LinkedHashSet<>(result);
    if (model.strict()) {
      names.retainAll(declared);
    }
    return new Fields(java.util.Collections.unmodifiableSet(names), true);
  }

  private static List<String> fromObject(JsonObject object, List<String> declared) {
    List<String> included = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String key : object.fieldNames()) {
      Object flag = object.getValue(key);
      if (JsValues.truthy(flag) && !"false".equals(flag)) {
        included.add(key);
      } else {
        excluded.add(key);
      }
    }
    if (!included.isEmpty()) {
      return included;
    }
    List<String> kept = new ArrayList<>(declared);
    kept.removeAll(excluded);
    return kept;
  }
}
