package io.livemodel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The extension's callbacks driven by hand (they use no context), to check what each one opens and closes. */
@DisplayName("LiveModelExtension: the server fixture's lifecycle")
class LiveModelExtensionTest {

  @Test
  @DisplayName("per test: a started server and API before each test; after it, streams opened through it, then the server, are closed")
  void perTest() throws Exception {
    LiveModelExtension live = LiveModelExtension.defaults();
    live.beforeEach(null);
    int port = live.port();
    assertThat(live.api().get("/api/MyModels").status()).isEqualTo(200);
    SseClient sse = live.sse("/api/MyModels/change-stream");
    sse.awaitRaw(":ok");
    assertThat(live.server().server.subscriberCount()).isEqualTo(1);
    live.afterEach(null);
    assertThatThrownBy(live::server).isInstanceOf(IllegalStateException.class);
    assertRefused(port);
  }

  @Test
  @DisplayName("per class: the server outlives each test (its streams do not) and is closed after all")
  void perClass() throws Exception {
    LiveModelExtension live = LiveModelExtension.defaults().perClass();
    live.beforeAll(null);
    live.beforeEach(null);
    TestServer server = live.server();
    live.sse("/api/MyModels/change-stream").awaitRaw(":ok");
    live.afterEach(null);
    live.beforeEach(null);
    assertThat(live.server()).isSameAs(server);
    awaitNoSubscribers(server);
    live.afterEach(null);
    int port = live.port();
    live.afterAll(null);
    assertRefused(port);
  }

  @Test
  @DisplayName("manual: nothing starts until the test starts a server; starting another closes the first")
  void manual() throws Exception {
    LiveModelExtension live = LiveModelExtension.defaults().manual();
    live.beforeEach(null);
    assertThatThrownBy(live::server).isInstanceOf(IllegalStateException.class);
    int first = live.start(TestServer.builder().httpInstances(1)).port();
    TestServer second = live.restart(builder -> builder.heartbeatSeconds(1));
    assertRefused(first);
    assertThat(second.config.stream().heartbeatSeconds()).isEqualTo(1);
    live.afterEach(null);
    assertRefused(second.port());
  }

  private static void awaitNoSubscribers(TestServer server) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (server.server.subscriberCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.server.subscriberCount()).as("the per-test stream was closed").isZero();
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.getOutputStream().write('x');
      }
    }).as("nothing listens on %d any more", port).isInstanceOf(ConnectException.class);
  }
}
