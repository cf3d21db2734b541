package io.livemodel.model.source;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * A model-definition file as read, before its base chain is merged.
 *
 * @param name the model name
 * @param json the file's content
 * @param source where it comes from (a path, or {@code builtin:Name})
 * @param script the {@code .js} file next to it (LoopBack runs it to customize the model), or null
 */
record DeclaredModel(String name, JsonObject json, String source, Path script) {

  /** @throws IllegalArgumentException naming the source when {@code properties} is not an object */
  DeclaredModel {
    Object properties = json.getValue("properties");
    if (properties != null && !(properties instanceof JsonObject)) {
      throw new IllegalArgumentException(source + ": \"properties\" must be an object, got "
          + io.vertx.core.json.Json.encode(properties));
    }
  }

  /**
   * The model's settings as LoopBack's registry builds them ({@code buildModelOptionsFromConfig}):
   * the {@code options} object, plus every other top-level key that {@code options} does not have
   * ({@code options} wins when both set one). {@code super} is read as {@code base}.
   */
  static JsonObject settingsOf(JsonObject json) {
    JsonObject settings = json.getValue("options") instanceof JsonObject o ? o.copy() : new JsonObject();
    for (String key : json.fieldNames()) {
      if (!key.equals("name") && !key.equals("properties") && !key.equals("options") && !settings.containsKey(key)) {
        settings.put(key, SettingsMerge.copy(json.getValue(key)));
      }
    }
    if (!settings.containsKey("base") && settings.containsKey("super")) {
      settings.put("base", settings.getValue("super"));
    }
    settings.remove("super");
    return settings;
  }

  /** The declared properties (an empty object when the file has none or they are not an object). */
  JsonObject properties() {
    return json.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
  }
}
