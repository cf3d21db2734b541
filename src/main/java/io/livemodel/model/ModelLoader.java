package io.livemodel.model;

import io.livemodel.js.JsValues;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads LoopBack model-definition files ({@code *.json}) unchanged: {@code name}, {@code plural},
 * {@code base}, {@code strict}, {@code idInjection}, {@code forceId}, {@code properties} (shorthand
 * {@code "title": "string"} or {@code {type, required, default, id, generated}}, see
 * {@link PropertyParser}), {@code relations} (kept as written, see {@link ModelDefinition#relationsJson()}),
 * ignoring what LiveModel does not use (acls, methods, mixins,
 * hidden, ...).
 *
 * <p>Settings are read as LoopBack's registry reads them: the top-level keys, falling back to the same
 * keys inside {@code options}. Defaults are LoopBack's: not strict; {@code idInjection} true (an
 * {@code id} number, generated, added last when no property has {@code id: true}); {@code forceId}
 * true when the id is generated unless {@code forceId: false}, else only if set; {@code plural}
 * from {@link Inflection#pluralize}. {@code strict} is true for any truthy value ({@code true},
 * {@code "filter"}, {@code "throw"}).
 */
public final class ModelLoader {

  private ModelLoader() {
  }

  /**
   * Loads every {@code *.json} file of a folder, in file-name order.
   *
   * @throws IllegalArgumentException with a message naming the file and the problem, or both files
   *     when two models share a name or a plural (compared ignoring case, as routes are)
   */
  public static List<ModelDefinition> loadFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + ": not a folder of model definitions");
    }
    List<ModelDefinition> models = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    Map<String, Path> plurals = new HashMap<>();
    for (Path file : jsonFiles(folder)) {
      ModelDefinition model = parse(read(file), file.toString());
      claim(names, "name", model.name(), file);
      claim(plurals, "plural", model.plural(), file);
      models.add(model);
    }
    return models;
  }

  /**
   * One model definition.
   *
   * @param source where it comes from (a file name), used in error messages
   * @throws IllegalArgumentException with a message naming {@code source} and the problem
   */
  public static ModelDefinition parse(JsonObject json, String source) {
    try {
      Object name = json.getValue("name");
      if (!(name instanceof String modelName) || modelName.isEmpty()) {
        throw new IllegalArgumentException("the model definition has no \"name\"");
      }
      JsonObject options = json.getValue("options") instanceof JsonObject o ? o : new JsonObject();
      Object plural = setting(json, options, "plural");
      boolean idInjection = !Boolean.FALSE.equals(setting(json, options, "idInjection"));
      var properties = PropertyParser.parse(json.getValue("properties"), idInjection);
      PropertyDefinition id = properties.values().stream().filter(PropertyDefinition::id).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              "the model has no id: idInjection is false and no property has \"id\": true"));
      Object forceId = setting(json, options, "forceId");
      boolean force = id.generated() ? !Boolean.FALSE.equals(forceId)
          : JsValues.truthy(forceId) && !"auto".equals(forceId);
      return new ModelDefinition(modelName,
          plural instanceof String p && !p.isEmpty() ? p : Inflection.pluralize(modelName),
          JsValues.truthy(setting(json, options, "strict")), force, properties)
          .withRelationsJson(relations(json, options));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** The {@code relations} object (absent or {@code []}: empty); anything else is refused. */
  private static JsonObject relations(JsonObject json, JsonObject options) {
    Object relations = setting(json, options, "relations");
    if (relations == null || (relations instanceof io.vertx.core.json.JsonArray a && a.isEmpty())) {
      return new JsonObject();
    }
    if (!(relations instanceof JsonObject object)) {
      throw new IllegalArgumentException("\"relations\" must be an object of relation definitions");
    }
    return object;
  }

  private static Object setting(JsonObject json, JsonObject options, String key) {
    return json.containsKey(key) ? json.getValue(key) : options.getValue(key);
  }

  private static void claim(Map<String, Path> taken, String what, String value, Path file) {
    Path other = taken.putIfAbsent(value.toLowerCase(Locale.ROOT), file);
    if (other != null) {
      throw new IllegalArgumentException(file + ": the model " + what + " \"" + value
          + "\" is already used by " + other);
    }
  }

  private static List<Path> jsonFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static JsonObject read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
    }
    Object json;
    try {
      json = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
    }
    if (!(json instanceof JsonObject object)) {
      throw new IllegalArgumentException(file + ": a model definition must be a JSON object");
    }
    return object;
  }
}
