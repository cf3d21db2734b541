package io.livemodel.model.source;

import io.livemodel.js.JsValues;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code base} chains across every loaded definition (app folders, plain folders and the
 * built-ins), as juggler's {@code ModelClass.extend} does:
 * <ul>
 *   <li>properties: the model's own, in order, then each base property it does not declare (a base id
 *       property is not inherited when the model declares its own id); a base that declares no id
 *       passes on its injected {@code id} (number, generated) unless its {@code idInjection} is false;</li>
 *   <li>settings: {@link SettingsMerge}; the {@code base} setting is the model's own.</li>
 * </ul>
 * A chain ends at {@code PersistedModel} (also when no base is given) or {@code Model}, whose injected
 * {@code id} every model inherits unless it declares its own id. An unknown base
 * is noted (LoopBack refuses to start; LiveModel treats it as {@code PersistedModel} and says so at
 * start-up); a cycle is an error.
 */
final class BaseChains {

  /**
   * A model with its chain merged.
   *
   * @param properties the merged property definitions, raw
   * @param settings the merged settings, raw
   * @param chain the bases above the model, nearest first, ending at a root
   * @param notes problems that did not stop loading
   */
  record Resolved(JsonObject properties, JsonObject settings, List<String> chain, List<String> notes) {
  }

  /**
   * LoopBack's {@code Model} (and so {@code PersistedModel}) as a base: juggler injected an {@code id}
   * (number, generated) into it, which every model inherits unless it declares its own id, even with
   * {@code idInjection: false} (only {@code excludeBaseProperties: ["id"]} removes it).
   */
  private static final Resolved ROOT = new Resolved(new JsonObject(), new JsonObject(), List.of(), List.of());

  private final Map<String, DeclaredModel> definitions;
  private final Map<String, Resolved> resolved = new HashMap<>();

  /** @param definitions every loaded definition by name; built-ins are looked up when not there */
  BaseChains(Map<String, DeclaredModel> definitions) {
    this.definitions = definitions;
  }

  DeclaredModel lookup(String name) {
    DeclaredModel own = definitions.get(name);
    return own != null ? own : BuiltinModels.get(name);
  }

  /** @throws IllegalArgumentException for a cycle, naming every model in it */
  Resolved resolve(String name) {
    return resolve(name, new LinkedHashSet<>());
  }

  private Resolved resolve(String name, LinkedHashSet<String> visiting) {
    Resolved done = resolved.get(name);
    if (done != null) {
      return done;
    }
    DeclaredModel model = lookup(name);
    if (!visiting.add(name)) {
      throw new IllegalArgumentException((model == null ? name : model.source()) + ": the base chain is a cycle: "
          + String.join(" -> ", visiting) + " -> " + name);
    }
    JsonObject settings = DeclaredModel.settingsOf(model.json());
    Object base = settings.getValue("base");
    Resolved result;
    if (base == null || (base instanceof String b && BuiltinModels.ROOTS.contains(b))) {
      String root = base == null ? "PersistedModel" : (String) base;
      result = new Resolved(excluded(extendProperties(ROOT, model.properties()), settings), settings,
          List.of(root), List.of());
    } else if (base instanceof String baseName && lookup(baseName) != null) {
      Resolved parent = resolve(baseName, visiting);
      List<String> chain = new ArrayList<>();
      chain.add(baseName);
      chain.addAll(parent.chain());
      JsonObject merged = SettingsMerge.merge(parent.settings(), settings);
      result = new Resolved(excluded(extendProperties(parent, model.properties()), merged), merged,
          List.copyOf(chain), parent.notes());
    } else {
      String why = BuiltinModels.NOT_DEFINED.contains(String.valueOf(base))
          ? "is a LoopBack built-in that LiveModel does not define" : "is not a known model";
      result = new Resolved(excluded(extendProperties(ROOT, model.properties()), settings), settings,
          List.of("PersistedModel"),
          List.of("base " + JsValues.toJsString(base) + " " + why + ": treated as PersistedModel (LoopBack "
              + "refuses to start)"));
    }
    visiting.remove(name);
    resolved.put(name, result);
    return result;
  }

  /** {@code excludeBaseProperties}: juggler deletes the listed properties from the merged ones. */
  private static JsonObject excluded(JsonObject properties, JsonObject settings) {
    if (settings.getValue("excludeBaseProperties") instanceof io.vertx.core.json.JsonArray names) {
      names.forEach(name -> properties.remove(String.valueOf(name)));
    }
    return properties;
  }

  private static JsonObject extendProperties(Resolved parent, JsonObject own) {
    JsonObject inherited = withInjectedId(parent);
    boolean ownId = own.stream().anyMatch(e -> isId(e.getValue()));
    JsonObject merged = own.copy();
    for (String key : inherited.fieldNames()) {
      Object definition = inherited.getValue(key);
      if ((ownId && isId(definition)) || merged.containsKey(key)) {
        continue;
      }
      merged.put(key, SettingsMerge.copy(definition));
    }
    return merged;
  }

  /** A base's properties as juggler defined them: with the injected id when it declares none. */
  private static JsonObject withInjectedId(Resolved parent) {
    JsonObject properties = parent.properties().copy();
    boolean hasId = properties.stream().anyMatch(e -> isId(e.getValue()));
    if (!hasId && !Boolean.FALSE.equals(parent.settings().getValue("idInjection"))) {
      properties.put("id", new JsonObject().put("type", "number").put("id", true).put("generated", true));
    }
    return properties;
  }

  private static boolean isId(Object definition) {
    return definition instanceof JsonObject full && JsValues.truthy(full.getValue("id"));
  }
}
