package io.livemodel.ops;

import io.livemodel.config.ServerConfig;
import io.livemodel.model.ModelRegistry;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;

final class Console {
  private Console() {
  }

  static void mount(Router router, ServerConfig config, ModelRegistry models, ClusterManager cluster) {
  }
}
