package io.livemodel.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.StreamLimits;
import io.livemodel.testing.Api;
import io.livemodel.testing.Probe;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 finding 6: clients resuming from an old Last-Event-ID, then not reading, made the node
 * hold the whole history once per client. Now a replay waits for its client before reading the next
 * page, clients replaying together share one encoding of each change, and new resumes are refused
 * while the node's bytes queued for slow clients are spent.
 */
@DisplayName("Resumes that never read: memory bounded per node, resumes refused while the budget is spent, requests answered")
class ReplayFloodTest {

  private static final String STREAM = "/api/MyModels/change-stream?_format=event-stream";
  private static final int CHANGES = 3000;
  private static final String PAD = "r".repeat(10_000);
  private static final long BUDGET = 16L * 1024 * 1024;

  private final List<Socket> attackers = new ArrayList<>();
  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = TestServer.builder().bodyLimit(32L * 1024 * 1024).maxQueuedBytes(256L * 1024 * 1024)
        .streamLimits(new StreamLimits(0, 0, 0, BUDGET, 2)).build();
    api = new Api(server);
    for (int batch = 0; batch < CHANGES / 1000; batch++) {
      JsonArray records = new JsonArray();
      for (int i = 0; i < 1000; i++) {
        records.add(new JsonObject().put("pad", PAD).put("n", batch * 1000 + i));
      }
      assertThat(api.post("/api/MyModels", records).status()).isEqualTo(200);
    }
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : attackers) {
      socket.close();
    }
    api.close();
    server.close();
  }

  @Test
  @DisplayName("60 clients resume from 0 and never read: some are refused with 503 STREAMS_BUSY, heap stays bounded,"
      + " a probe is served, live streams still open; afterwards nothing is lost")
  void resumeFlood() throws Exception {
    long heapBefore = PatternAttackTest.liveHeap();
    Probe probe = Probe.start(server.base() + "/api/MyModels/1");
    int refused = 0;
    int admitted = 0;
    for (int i = 0; i < 60; i++) {
      String head = open("Last-Event-ID: 0\r\n");
      if (head.startsWith("HTTP/1.1 503")) {
        assertThat(head).contains("STREAMS_BUSY").contains("Retry-After: 2");
        refused++;
      } else {
        assertThat(head).startsWith("HTTP/1.1 200");
        admitted++;
      }
      Thread.sleep(50); // let the replays run into their clients' full sockets
    }
    assertThat(open("")).as("a live stream (no resume) still opens").startsWith("HTTP/1.1 200");
    Probe.Result seen = probe.stop();
    long growth = PatternAttackTest.liveHeap() - heapBefore;

    assertThat(admitted).as("resumes admitted before the budget was spent").isPositive();
    assertThat(refused).as("resumes refused once the node's queued bytes were spent").isPositive();
    assertThat(seen.p99()).as("probe p99 (ms)").isLessThan(1000);
    assertThat(growth).as("live heap growth (bytes) with %d clients holding replays", admitted)
        .isLessThan(100L * 1024 * 1024);

    for (Socket socket : attackers) {
      socket.close();
    }
    attackers.clear();
    long deadline = System.currentTimeMillis() + 10_000;
    while (server.server.subscriberCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(open("Last-Event-ID: 2990\r\n")).as("resumes are admitted again once the slow clients left")
        .startsWith("HTTP/1.1 200");
    assertThat(api.get("/api/MyModels/count").json().getLong("count")).isEqualTo(CHANGES);
    assertThat(api.get("/api/MyModels/1").json().getString("pad")).isEqualTo(PAD);
  }

  /** Opens a raw SSE request with extra headers, returns the response head; the socket is never read again. */
  private String open(String headers) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(64 * 1024);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
    socket.setSoTimeout(10_000);
    attackers.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + STREAM + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    byte[] one = new byte[1];
    while (!head.toString().endsWith("\r\n\r\n") && in.read(one) > 0) {
      head.append((char) one[0]);
    }
    if (head.toString().startsWith("HTTP/1.1 503")) {
      byte[] body = new byte[2048];
      int n = in.read(body);
      head.append(new String(body, 0, Math.max(n, 0), StandardCharsets.UTF_8));
    }
    return head.toString();
  }
}
