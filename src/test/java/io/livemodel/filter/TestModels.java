package io.livemodel.filter;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.model.PropertyType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two models of API.md, built directly with the constructors. */
final class TestModels {

  /** title string required, count number, done boolean, when date, tags [string], meta object, id. */
  static final ModelDefinition NOTE = note();

  /** An open model: only the injected id. */
  static final ModelDefinition MY_MODEL = new ModelDefinition("MyModel", "MyModels", false, true,
      Map.of("id", id()));

  private TestModels() {
  }

  private static ModelDefinition note() {
    Map<String, PropertyDefinition> properties = new LinkedHashMap<>();
    properties.put("title", new PropertyDefinition("title", PropertyType.STRING, null, true, null, false, false));
    properties.put("count", new PropertyDefinition("count", PropertyType.NUMBER, null, false, null, false, false));
    properties.put("done", new PropertyDefinition("done", PropertyType.BOOLEAN, null, false, null, false, false));
    properties.put("when", new PropertyDefinition("when", PropertyType.DATE, null, false, null, false, false));
    properties.put("tags", new PropertyDefinition("tags", PropertyType.ARRAY, PropertyType.STRING, false, null, false, false));
    properties.put("meta", new PropertyDefinition("meta", PropertyType.OBJECT, null, false, null, false, false));
    properties.put("id", id());
    return new ModelDefinition("Note", "Notes", false, true, properties);
  }

  private static PropertyDefinition id() {
    return new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, true, true);
  }

  /** A strict variant of Note, for fields on strict models. */
  static ModelDefinition strictNote() {
    return new ModelDefinition("StrictNote", "StrictNotes", true, true, NOTE.properties());
  }
}
