package io.livemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bootstrap")
class LiveModelServerTest {

  @Test
  @DisplayName("a second node on the same Vert.x is refused with a clear message; the first keeps serving; after it stops, a new one may start")
  void oneNodePerVertx() {
    Vertx vertx = Vertx.vertx();
    try {
      TestServer first = TestServer.builder().vertx(vertx).build();
      try (Api api = new Api(first)) {
        assertThatThrownBy(() -> TestServer.builder().vertx(vertx).build())
            .hasMessage(LiveModelServer.ONE_NODE_PER_VERTX);
        assertThat(api.get("/api/MyModels").status()).isEqualTo(200);
      } finally {
        first.server.stop().await();
      }
      TestServer again = TestServer.builder().vertx(vertx).build();
      try (Api second = new Api(again)) {
        assertThat(second.get("/api/MyModels").status()).isEqualTo(200);
      } finally {
        again.server.stop().await();
      }
    } finally {
      vertx.close().await();
    }
  }
}
