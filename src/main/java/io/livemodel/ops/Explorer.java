package io.livemodel.ops;

import io.livemodel.config.ServerConfig;
import io.livemodel.model.ModelRegistry;
import io.vertx.ext.web.Router;

final class Explorer {
  private Explorer() {
  }

  static void mount(Router router, ServerConfig config, ModelRegistry models) {
  }
}
