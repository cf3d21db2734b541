package io.livemodel.model.source;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reading model files and other JSON files of a folder, with errors that name the file. */
final class ModelFiles {

  private ModelFiles() {
  }

  /** The {@code *.json} files of a folder, in name order; {@code skipUnderscore} skips {@code _x.json}. */
  static List<Path> jsonFiles(Path folder, boolean skipUnderscore) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(".json") && Files.isRegularFile(f) && !(skipUnderscore && name.startsWith("_"));
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** @throws IllegalArgumentException naming the file when it cannot be read or is not a JSON object */
  static JsonObject readObject(Path file) {
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

  /** The script LoopBack would run to customize the model: {@code x.js} next to {@code x.json}, or null. */
  static Path script(Path jsonFile) {
    String name = jsonFile.getFileName().toString();
    Path js = jsonFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".js");
    return Files.isRegularFile(js) ? js : null;
  }

  /**
   * loopback-boot's default model name for a file without {@code name}: the base name in upper camel
   * case ({@code my-model.json} gives {@code MyModel}).
   */
  static String defaultName(Path jsonFile) {
    String base = jsonFile.getFileName().toString().replaceFirst("\\.json$", "");
    StringBuilder out = new StringBuilder();
    for (String word : base.split("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase());
      }
    }
    return out.toString();
  }
}
