package io.livemodel.filter;

import io.livemodel.model.Instances;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Instances as juggler reads them: it builds every instance it reads ({@code new Model(data, {fields})}),
 * which applies default values and, on a strict model, leaves undeclared keys out of the answer.
 *
 * <p>Defaults on reads: a declared property that a stored instance lacks gets its {@code default}
 * (unless {@code applyDefaultOnWrites} is false) or a fresh {@code defaultFn} value in the answer
 * (not in the store), unless the model sets {@code applyDefaultsOnReads: false} or the query's
 * {@code fields} leave the property out. Such a property takes its declared position, as juggler's
 * {@code toObject} lists declared properties first. Instances written by LiveModel already have their
 * defaults; this matters for data written before a default was declared, or by other means.
 */
public final class ReadInstances {

  private ReadInstances() {
  }

  /** {@code instance} (not modified) with read defaults; the same object when there is nothing to add. */
  public static JsonObject apply(ModelDefinition model, JsonObject instance, Fields fields) {
    if (instance == null || Boolean.FALSE.equals(model.settings().getValue("applyDefaultsOnReads"))
        || !(lacksDefault(model, instance, fields) || hasUndeclared(model, instance))) {
      return instance;
    }
    JsonObject out = new JsonObject();
    for (PropertyDefinition property : model.properties().values()) {
      String name = property.name();
      if (instance.containsKey(name)) {
        out.put(name, instance.getValue(name));
      } else if (included(fields, name)) {
        Object initial = Instances.initialValue(property);
        if (initial != null) {
          out.put(name, Instances.toJson(initial));
        }
      }
    }
    instance.forEach(entry -> {
      if (!out.containsKey(entry.getKey()) && !model.strict()) {
        out.put(entry.getKey(), entry.getValue());
      }
    });
    return out;
  }

  /** Each instance of a list with read defaults. */
  public static List<JsonObject> apply(ModelDefinition model, List<JsonObject> instances, Fields fields) {
    List<JsonObject> out = new ArrayList<>(instances.size());
    for (JsonObject instance : instances) {
      out.add(apply(model, instance, fields));
    }
    return out;
  }

  private static boolean lacksDefault(ModelDefinition model, JsonObject instance, Fields fields) {
    for (PropertyDefinition property : model.properties().values()) {
      boolean hasDefault = (property.defaultValue() != null && property.applyDefaultOnWrites())
          || property.defaultFn() != null;
      if (hasDefault && !instance.containsKey(property.name()) && included(fields, property.name())) {
        return true;
      }
    }
    return false;
  }

  /** Undeclared keys that a strict model does not show (stored by other means than LiveModel). */
  private static boolean hasUndeclared(ModelDefinition model, JsonObject instance) {
    if (!model.strict()) {
      return false;
    }
    for (String key : instance.fieldNames()) {
      if (model.property(key) == null) {
        return true;
      }
    }
    return false;
  }

  private static boolean included(Fields fields, String name) {
    return fields == null || fields.names().contains(name) == fields.include();
  }
}
