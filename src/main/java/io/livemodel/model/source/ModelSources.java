package io.livemodel.model.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the model sources of a server, in order: each is a plain folder of model files (every file
 * a served, public model) or a LoopBack 3 app folder ({@link AppFolder}). Definitions of every source
 * and LiveModel's built-ins form one pool in which {@code base} names are resolved ({@link BaseChains});
 * a later definition or entry of the same name replaces an earlier one.
 */
public final class ModelSources {

  /**
   * What was loaded.
   *
   * @param models the models to serve, in load order
   * @param notes problems of the sources themselves (a missing model source, ...), for the start-up report
   */
  public record Loaded(List<ResolvedModel> models, List<String> notes) {
  }

  private ModelSources() {
  }

  /** Whether {@code dir} is a LoopBack app folder ({@code server/model-config.json}, or {@code model-config.json}). */
  public static boolean isAppFolder(Path dir) {
    return AppFolder.serverDir(dir) != null;
  }

  /**
   * @throws IllegalArgumentException naming the file and the problem: a folder that does not exist, a
   *     malformed file, two files of one plain folder with the same model name, a model-config entry
   *     for a model that has no definition, a base cycle
   */
  public static Loaded load(List<Path> dirs) {
    Map<String, DeclaredModel> definitions = new LinkedHashMap<>();
    Map<String, ServedEntry> served = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (Path dir : dirs) {
      Path server = AppFolder.serverDir(dir);
      if (server != null) {
        AppFolder.read(server, definitions, served, notes);
      } else {
        readPlainFolder(dir, definitions, served);
      }
    }
    BaseChains chains = new BaseChains(definitions);
    // The models LoopBack defines: the served ones, their bases, and its built-ins; only these are types.
    Set<String> defined = new HashSet<>(BuiltinModels.NAMES);
    for (ServedEntry entry : served.values()) {
      if (chains.lookup(entry.name()) == null) {
        throw new IllegalArgumentException("model-config.json: cannot configure unknown model " + entry.name()
            + ": no model file defines it (check _meta.sources)");
      }
      defined.add(entry.name());
      defined.addAll(chains.resolve(entry.name()).chain());
    }
    List<ResolvedModel> models = new ArrayList<>();
    for (ServedEntry entry : served.values()) {
      models.add(resolve(chains, chains.lookup(entry.name()), entry, defined));
    }
    return new Loaded(List.copyOf(models), List.copyOf(notes));
  }

  /**
   * One model file on its own (its base may be a built-in), served and public.
   *
   * @throws IllegalArgumentException for a definition without a name
   */
  public static ResolvedModel resolveOne(JsonObject json, String source) {
    if (!(json.getValue("name") instanceof String name) || name.isEmpty()) {
      throw new IllegalArgumentException("the model definition has no \"name\"");
    }
    DeclaredModel declared = new DeclaredModel(name, json, source, null);
    Map<String, DeclaredModel> pool = new HashMap<>();
    pool.put(name, declared);
    return resolve(new BaseChains(pool), declared, ServedEntry.plain(name), new HashSet<>(BuiltinModels.NAMES));
  }

  private static ResolvedModel resolve(BaseChains chains, DeclaredModel declared, ServedEntry entry,
                                       Set<String> defined) {
    BaseChains.Resolved resolved = chains.resolve(declared.name());
    JsonObject settings = configure(resolved.settings().copy(), entry.config());
    JsonObject properties = ModelTypes.inline(resolved.properties(),
        name -> defined.contains(name) && chains.lookup(name) != null ? chains.resolve(name).properties() : null);
    JsonObject definition = new JsonObject().put("name", declared.name())
        .put("properties", properties).put("options", settings);
    List<String> notes = new ArrayList<>(resolved.notes());
    notes.addAll(entry.notes());
    return new ResolvedModel(declared.name(), definition, resolved.chain(), entry.isPublic(), entry.attached(),
        declared.source(), declared.script(), notes);
  }

  /**
   * LoopBack's {@code configureModel}: model-config's {@code relations} extend the model's relations of
   * the same name, its {@code acls} replace an entry with the same property, accessType and principal
   * (else are appended), its {@code options} set settings (but not base, relations, acls, dataSource).
   */
  static JsonObject configure(JsonObject settings, JsonObject config) {
    if (config.getValue("relations") instanceof JsonObject relations) {
      JsonObject target = settings.getValue("relations") instanceof JsonObject r ? r : new JsonObject();
      for (String key : relations.fieldNames()) {
        JsonObject current = target.getValue(key) instanceof JsonObject c ? c : new JsonObject();
        if (relations.getValue(key) instanceof JsonObject extra) {
          extra.forEach(e -> current.put(e.getKey(), SettingsMerge.copy(e.getValue())));
        }
        target.put(key, current);
      }
      settings.put("relations", target);
    }
    if (config.getValue("acls") instanceof JsonArray acls) {
      JsonArray target = settings.getValue("acls") instanceof JsonArray a ? a : new JsonArray();
      for (Object acl : acls) {
        addAcl(target, acl);
      }
      settings.put("acls", target);
    }
    if (config.getValue("options") instanceof JsonObject options) {
      for (String key : options.fieldNames()) {
        if (!List.of("base", "super", "relations", "acls", "dataSource").contains(key)) {
          settings.put(key, SettingsMerge.copy(options.getValue(key)));
        }
      }
    }
    return settings;
  }

  private static void addAcl(JsonArray acls, Object acl) {
    if (acl instanceof JsonObject entry) {
      for (int i = 0; i < acls.size(); i++) {
        if (acls.getValue(i) instanceof JsonObject other && sameTarget(other, entry)) {
          acls.set(i, entry.copy());
          return;
        }
      }
    }
    acls.add(SettingsMerge.copy(acl));
  }

  private static boolean sameTarget(JsonObject a, JsonObject b) {
    for (String key : List.of("property", "accessType", "principalType", "principalId")) {
      if (!java.util.Objects.equals(a.getValue(key), b.getValue(key))) {
        return false;
      }
    }
    return true;
  }

  private static void readPlainFolder(Path folder, Map<String, DeclaredModel> definitions,
                                      Map<String, ServedEntry> served) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + ": not a folder of model definitions");
    }
    Map<String, Path> names = new HashMap<>();
    for (Path file : ModelFiles.jsonFiles(folder, false)) {
      JsonObject json = ModelFiles.readObject(file);
      if (!(json.getValue("name") instanceof String name) || name.isEmpty()) {
        throw new IllegalArgumentException(file + ": the model definition has no \"name\"");
      }
      Path other = names.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), file);
      if (other != null) {
        throw new IllegalArgumentException(file + ": the model name \"" + name + "\" is already used by " + other);
      }
      definitions.put(name, new DeclaredModel(name, json, file.toString(), ModelFiles.script(file)));
      served.put(name, ServedEntry.plain(name));
    }
  }
}
