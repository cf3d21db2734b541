package io.livemodel.model.source;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * A model to serve: its definition with the base chain merged and the app's model-config applied.
 *
 * @param name the model name
 * @param definition {@code {name, properties, options}}: the merged properties, and every merged
 *     setting under {@code options}
 * @param chain the bases above the model, nearest first, ending at {@code PersistedModel} or {@code Model}
 * @param isPublic model-config's {@code public} (true unless false)
 * @param attached whether model-config gives it a data source
 * @param source its model file, or {@code builtin:Name}
 * @param script the {@code .js} file next to the model file, or null
 * @param notes problems that did not stop loading, for the start-up report
 */
public record ResolvedModel(String name, JsonObject definition, List<String> chain, boolean isPublic,
                            boolean attached, String source, Path script, List<String> notes) {

  public ResolvedModel {
    chain = List.copyOf(chain);
    notes = List.copyOf(notes);
  }

  /** The base model's name: the first of the chain. */
  public String baseModel() {
    return chain.get(0);
  }
}
