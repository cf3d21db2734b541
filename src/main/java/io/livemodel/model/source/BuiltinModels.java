package io.livemodel.model.source;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LiveModel's own definitions of LoopBack's built-in models {@code User}, {@code AccessToken},
 * {@code ACL}, {@code Role} and {@code RoleMapping} (resources {@code builtin-models/*.json}): their
 * properties, hidden properties, relations, acls and settings as LoopBack 3.28 declares them. They
 * are always available as a {@code base}; they are served only when an app's model-config names them.
 * Their behaviour (login, password hashing, tokens) belongs to package {@code auth}.
 */
public final class BuiltinModels {

  /** The built-in models LiveModel defines. */
  public static final List<String> NAMES = List.of("User", "AccessToken", "ACL", "Role", "RoleMapping");

  /**
   * The roots of every base chain: LoopBack's {@code Model} (not persisted: no CRUD routes) and
   * {@code PersistedModel} (the default base).
   */
  public static final List<String> ROOTS = List.of("PersistedModel", "Model");

  /** LoopBack's other built-ins, which LiveModel does not define (a base naming one is reported). */
  public static final List<String> NOT_DEFINED = List.of("Application", "Email", "KeyValueModel", "Scope",
      "Change", "Checkpoint");

  private static final Map<String, DeclaredModel> DEFINITIONS = load();

  private BuiltinModels() {
  }

  static DeclaredModel get(String name) {
    return DEFINITIONS.get(name);
  }

  private static Map<String, DeclaredModel> load() {
    Map<String, DeclaredModel> models = new LinkedHashMap<>();
    for (String name : NAMES) {
      String resource = "/builtin-models/" + name + ".json";
      try (InputStream in = BuiltinModels.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        JsonObject json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        models.put(name, new DeclaredModel(name, json, "builtin:" + name, null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return models;
  }
}
