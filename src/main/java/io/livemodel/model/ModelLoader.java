package io.livemodel.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads LoopBack model-definition files ({@code *.json}) unchanged: {@code name}, {@code plural},
 * {@code base}, {@code strict}, {@code idInjection}, {@code forceId}, {@code properties} (shorthand
 * {@code "title": "string"} or {@code {type, required, default, id, generated}}), ignoring what
 * LiveModel does not use (relations, acls, methods, mixins, options).
 */
public final class ModelLoader {

  private ModelLoader() {
  }

  /**
   * Loads every {@code *.json} file of a folder, in file-name order.
   *
   * @throws IllegalArgumentException with a message naming the file and the problem
   */
  public static List<ModelDefinition> loadFolder(Path folder) {
    throw new UnsupportedOperationException("not yet");
  }
}
