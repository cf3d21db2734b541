package io.livemodel.model.source;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A model a source asks to serve: every file of a plain folder, or an entry of an app's
 * {@code model-config.json}.
 *
 * @param name the model name
 * @param isPublic {@code public} (true unless false)
 * @param attached whether a {@code dataSource} is given
 * @param config the model-config entry ({@code relations}, {@code acls}, {@code options} refine the
 *     model, as LoopBack's {@code configureModel}), empty for a plain folder
 * @param notes problems of the entry, for the start-up report
 */
record ServedEntry(String name, boolean isPublic, boolean attached, JsonObject config, List<String> notes) {

  static ServedEntry plain(String name) {
    return new ServedEntry(name, true, true, new JsonObject(), List.of());
  }
}
