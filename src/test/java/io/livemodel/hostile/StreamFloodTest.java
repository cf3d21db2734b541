package io.livemodel.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.StreamLimits;
import io.livemodel.testing.Api;
import io.livemodel.testing.Probe;
import io.livemodel.testing.RawHttp;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 finding 7: streams are exempt from the idle timeout, so a client that opens stream after
 * stream would take every file descriptor. Limits per client and per node refuse the surplus before
 * it costs anything, and requests keep being answered.
 */
@DisplayName("A flood of change streams is refused per client (429) and per node (503); requests are answered throughout")
class StreamFloodTest {

  private static final String STREAM = "/api/MyModels/change-stream?_format=event-stream";

  private final List<Socket> streams = new ArrayList<>();
  private TestServer server;

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : streams) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("one client past maxStreamsPerClient gets 429 with Retry-After, and its streams already open keep streaming")
  void perClient() throws Exception {
    server = TestServer.builder().streamLimits(new StreamLimits(20, 0, 0, 1L << 30, 3)).build();
    Probe probe = Probe.start(server.base() + "/api/MyModels");
    for (int i = 0; i < 20; i++) {
      assertThat(openStream()).as("stream %d", i).startsWith("HTTP/1.1 200");
    }
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      refused.add(openStream());
    }
    Probe.Result seen = probe.stop();
    assertThat(refused).allSatisfy(head -> assertThat(head).startsWith("HTTP/1.1 429").contains("Retry-After: 3")
        .contains("TOO_MANY_STREAMS"));
    assertThat(seen.p99()).as("probe p99 (ms) while streams were refused").isLessThan(1000);
    assertThat(server.server.subscriberCount()).isEqualTo(20);
    try (Api api = new Api(server)) {
      assertThat(api.post("/api/MyModels", new JsonObject().put("after", true)).status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("past the node's stream budget every client gets 503; a closed stream frees its place")
  void perNode() throws Exception {
    server = TestServer.builder().streamLimits(new StreamLimits(0, 30, 0, 1L << 30, 2)).build();
    Probe probe = Probe.start(server.base() + "/api/MyModels");
    for (int i = 0; i < 30; i++) {
      assertThat(openStream()).startsWith("HTTP/1.1 200");
    }
    for (int i = 0; i < 100; i++) {
      assertThat(openStream()).startsWith("HTTP/1.1 503").contains("Retry-After: 2");
    }
    Probe.Result seen = probe.stop();
    assertThat(seen.p99()).isLessThan(1000);
    streams.remove(0).close();
    long deadline = System.currentTimeMillis() + 10_000;
    while (server.server.subscriberCount() > 29 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(openStream()).as("the place a closed stream left").startsWith("HTTP/1.1 200");
  }

  /** Opens a raw SSE request and returns the response head (the socket stays open and is never read again). */
  private String openStream() throws IOException {
    Socket socket = RawHttp.open("127.0.0.1", server.port());
    streams.add(socket);
    return RawHttp.head(socket, STREAM);
  }
}
