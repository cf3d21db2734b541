package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Port 0: the HTTP verticles of a node share one random port")
class ListenPortTest {

  /** Listens like HttpVerticle does, and records the port it got. */
  private static final class Listener extends VerticleBase {
    private final int configuredPort;
    private final List<Integer> bound;

    Listener(int configuredPort, List<Integer> bound) {
      this.configuredPort = configuredPort;
      this.bound = bound;
    }

    @Override
    public Future<?> start() {
      return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
              .setPort(HttpVerticle.listenPort(configuredPort)))
          .requestHandler(req -> req.response().end())
          .listen()
          .onSuccess(server -> bound.add(server.actualPort()));
    }
  }

  @Test
  @DisplayName("configured port 0: every instance listens on the same, non-zero port (Vert.x shares port -1)")
  void sharedRandomPort() {
    Vertx vertx = Vertx.vertx();
    try {
      List<Integer> bound = new CopyOnWriteArrayList<>();
      vertx.deployVerticle(() -> new Listener(0, bound), new DeploymentOptions().setInstances(3)).await();
      assertThat(bound).hasSize(3);
      assertThat(bound.get(0)).isPositive();
      assertThat(bound).containsOnly(bound.get(0));
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("a configured port is used as it is")
  void fixedPort() {
    assertThat(HttpVerticle.listenPort(3000)).isEqualTo(3000);
  }
}
