package io.livemodel.model.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A LoopBack 3 app folder, read as loopback-boot reads it: {@code server/model-config.json} says which
 * models exist and how ({@code dataSource}, {@code public}, and {@code relations}/{@code acls}/
 * {@code options} refinements); its {@code _meta.sources} (default {@code ["./models"]}, relative to
 * {@code server/}) are the folders of model files, a later source replacing an earlier model of the
 * same name; files starting with {@code _} are skipped; a file without {@code name} is named after
 * the file. {@code loopback/common/models} (any {@code loopback/...} source) stands for LiveModel's
 * built-in models, which are always available;
 * another module path is looked up in the {@code node_modules} folders above {@code server/}.
 */
final class AppFolder {

  private AppFolder() {
  }

  /** The folder holding {@code model-config.json}: {@code dir/server}, or {@code dir} itself; null if neither. */
  static Path serverDir(Path dir) {
    if (Files.isRegularFile(dir.resolve("server").resolve("model-config.json"))) {
      return dir.resolve("server");
    }
    return Files.isRegularFile(dir.resolve("model-config.json")) ? dir : null;
  }

  /**
   * Adds the app's model files to {@code definitions} and its model-config entries to {@code served}.
   *
   * @param notes receives app-level problems (a model source that does not exist, ...)
   * @throws IllegalArgumentException for a malformed model-config or model file, naming the file
   */
  static void read(Path serverDir, Map<String, DeclaredModel> definitions, Map<String, ServedEntry> served,
                   List<String> notes) {
    Path configFile = serverDir.resolve("model-config.json");
    JsonObject config = ModelFiles.readObject(configFile);
    JsonObject meta = config.getValue("_meta") instanceof JsonObject m ? m : new JsonObject();
    JsonArray sources = meta.getValue("sources") instanceof JsonArray s ? s : new JsonArray().add("./models");
    for (Object source : sources) {
      Path folder = source instanceof String name ? resolveSource(serverDir, name) : null;
      if (folder == null) {
        // LoopBack skips a missing source without a word; the scaffold lists ./models, often absent.
        if (!(source instanceof String name && (isBuiltinSource(name) || name.equals("./models")))) {
          notes.add(configFile + ": model source " + source + " was not found: its models are not loaded");
        }
        continue;
      }
      for (Path file : ModelFiles.jsonFiles(folder, true)) {
        JsonObject json = ModelFiles.readObject(file);
        String name = json.getValue("name") instanceof String n && !n.isEmpty() ? n : ModelFiles.defaultName(file);
        json.put("name", name);
        definitions.put(name, new DeclaredModel(name, json, file.toString(), ModelFiles.script(file)));
      }
    }
    for (String name : config.fieldNames()) {
      if (!name.equals("_meta")) {
        served.put(name, entry(configFile, name, config.getValue(name)));
      }
    }
  }

  private static ServedEntry entry(Path configFile, String name, Object raw) {
    if (!(raw instanceof JsonObject entry)) {
      throw new IllegalArgumentException(configFile + ": the entry of " + name + " must be an object");
    }
    JsonObject options = entry.getValue("options") instanceof JsonObject o ? o : new JsonObject();
    for (String key : List.of("properties", "base", "plural")) {
      if (entry.containsKey(key) || options.containsKey(key)) {
        // loopback-boot refuses the same: model definitions belong in model files since LoopBack 2.
        throw new IllegalArgumentException(configFile + ": the entry of " + name + " has \"" + key
            + "\": model-config.json is in the unsupported LoopBack 1.x format");
      }
    }
    List<String> notes = new ArrayList<>();
    Object dataSource = entry.getValue("dataSource");
    boolean attached = dataSource != null && !Boolean.FALSE.equals(dataSource);
    if (!entry.containsKey("dataSource")) {
      notes.add("model-config gives no dataSource (LoopBack warns and attaches it to none)");
    }
    return new ServedEntry(name, !Boolean.FALSE.equals(entry.getValue("public")), attached, entry.copy(), notes);
  }

  /**
   * {@code loopback/common/models} and the scaffold's {@code loopback/server/models}: LoopBack's own
   * model folders, which LiveModel's built-ins stand for.
   */
  private static boolean isBuiltinSource(String source) {
    return source.startsWith("loopback/");
  }

  /** loopback-boot's {@code tryResolveAppPath} for a folder; null when there is none (or it is the built-ins). */
  private static Path resolveSource(Path serverDir, String source) {
    if (isBuiltinSource(source)) {
      return null;
    }
    if (source.startsWith("/")) {
      return Files.isDirectory(Path.of(source)) ? Path.of(source) : null;
    }
    Path relative = serverDir.resolve(source).normalize();
    if (Files.isDirectory(relative)) {
      return relative;
    }
    if (source.startsWith("./") || source.startsWith("..")) {
      return null;
    }
    for (Path dir = serverDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("node_modules").resolve(source);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
