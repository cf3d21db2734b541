package io.livemodel.store.pg;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.model.PropertyType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The models of API.md: Note (typed properties) and the open MyModel, plus a string-id model. */
final class PgFixtures {

  private PgFixtures() {
  }

  static ModelDefinition note() {
    Map<String, PropertyDefinition> p = new LinkedHashMap<>();
    p.put("title", prop("title", PropertyType.STRING, null, true));
    p.put("count", prop("count", PropertyType.NUMBER, null, false));
    p.put("done", prop("done", PropertyType.BOOLEAN, null, false));
    p.put("when", prop("when", PropertyType.DATE, null, false));
    p.put("tags", prop("tags", PropertyType.ARRAY, PropertyType.STRING, false));
    p.put("meta", prop("meta", PropertyType.OBJECT, null, false));
    p.put("id", new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, true, true));
    return new ModelDefinition("Note", "Notes", false, true, p);
  }

  static ModelDefinition myModel() {
    Map<String, PropertyDefinition> p = new LinkedHashMap<>();
    p.put("id", new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, true, true));
    return new ModelDefinition("MyModel", "MyModels", false, true, p);
  }

  /** A model with its own string id, not generated. */
  static ModelDefinition tag() {
    Map<String, PropertyDefinition> p = new LinkedHashMap<>();
    p.put("code", new PropertyDefinition("code", PropertyType.STRING, null, true, null, true, false));
    p.put("label", prop("label", PropertyType.STRING, null, false));
    return new ModelDefinition("Tag", "Tags", false, false, p);
  }

  static PropertyDefinition prop(String name, PropertyType type, PropertyType itemType, boolean required) {
    return new PropertyDefinition(name, type, itemType, required, null, false, false);
  }
}
