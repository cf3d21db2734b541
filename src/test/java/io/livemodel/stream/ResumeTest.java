package io.livemodel.stream;

import io.livemodel.config.Retention;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.ChangeLog;
import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.SseParser;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Nothing lost: ids, resume with Last-Event-ID, reset, slow clients")
class ResumeTest {

  /** The server under test; subclasses run the same scenarios on another store. */
  protected TestServer.Builder builder() {
    return TestServer.builder();
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(this::builder).manual();

  private TestServer server;
  private Api api;

  private void start(TestServer.Builder builder) {
    server = live.start(builder);
    api = live.api();
  }

  private SseClient stream(String... headers) {
    return live.sse("/api/MyModels/change-stream", headers);
  }

  private static long id(SseEvent event) {
    return Long.parseLong(event.id());
  }

  @Test
  @DisplayName("a client reconnecting with Last-Event-ID under continuous writes sees every change once, in order")
  void resumeUnderWrites() throws Exception {
    start(builder());
    int total = 300;
    AtomicBoolean failed = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger posted = new java.util.concurrent.atomic.AtomicInteger();
    Thread writer = new Thread(() -> {
      try (Api writerApi = new Api(server)) {
        for (int i = 1; i <= total; i++) {
          if (writerApi.post("/api/MyModels", new JsonObject().put("n", i)).status() != 200) {
            failed.set(true);
          }
          posted.incrementAndGet();
        }
      }
    });
    List<Long> seen = new ArrayList<>();
    SseClient sse = stream();
    sse.awaitRaw(":ok");
    writer.start();
    int reconnects = 0;
    while (seen.size() < total) {
      SseEvent event = sse.next(15, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no event after " + seen.size() + "; posted " + posted.get() + ", subscribers "
            + server.server.subscriberCount() + ", raw tail: " + sse.raw().substring(Math.max(0, sse.raw().length() - 300)));
      }
      assertThat(event.event()).isEqualTo("data");
      seen.add(id(event));
      assertThat(event.json().getJsonObject("data").getInteger("n")).isEqualTo(seen.size());
      if (seen.size() % 50 == 0 && seen.size() < total) {
        sse.close();
        reconnects++;
        // EventSource sends the last id it saw when it reconnects.
        sse = stream("Last-Event-ID", Long.toString(seen.get(seen.size() - 1)));
      }
    }
    writer.join();
    assertThat(failed).isFalse();
    assertThat(reconnects).isEqualTo(5);
    List<Long> expected = new ArrayList<>();
    for (long i = 1; i <= total; i++) {
      expected.add(i);
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(sse.next(300, TimeUnit.MILLISECONDS)).isNull();
    sse.close();
  }

  @Test
  @DisplayName("lastEventId as a query parameter resumes too; Last-Event-ID at the present replays nothing")
  void resumeByQueryParameter() {
    start(builder());
    for (int i = 1; i <= 5; i++) {
      api.post("/api/MyModels", new JsonObject().put("n", i));
    }
    try (SseClient sse = live.sse("/api/MyModels/change-stream?lastEventId=2")) {
      assertThat(sse.next(3)).extracting(ResumeTest::id).containsExactly(3L, 4L, 5L);
      assertThat(sse.next(200, TimeUnit.MILLISECONDS)).isNull();
    }
    try (SseClient sse = stream("Last-Event-ID", "5")) {
      sse.awaitRaw(":ok");
      api.post("/api/MyModels", new JsonObject().put("n", 6));
      assertThat(id(sse.next())).isEqualTo(6L);
    }
  }

  @Test
  @DisplayName("an id older than the retained history gets an event: reset, then the stream goes on live")
  void expiredIdGetsReset() {
    start(builder().retention(new Retention(5, 0)));
    for (int i = 1; i <= 20; i++) {
      api.post("/api/MyModels", new JsonObject().put("n", i));
    }
    try (SseClient sse = stream("Last-Event-ID", "2")) {
      SseEvent reset = sse.next();
      assertThat(reset.event()).isEqualTo("reset");
      assertThat(reset.id()).isEqualTo("20");
      assertThat(reset.json()).isEqualTo(new JsonObject().put("reason", "expired").put("lastEventId", 2).put("latestSeq", 20));
      api.post("/api/MyModels", new JsonObject().put("n", 21));
      SseEvent live = sse.next();
      assertThat(live.event()).isEqualTo("data");
      assertThat(id(live)).isEqualTo(21L);
    }
    try (SseClient sse = stream("Last-Event-ID", "16")) {
      assertThat(sse.next(5)).extracting(ResumeTest::id).containsExactly(17L, 18L, 19L, 20L, 21L);
    }
    try (SseClient sse = stream("Last-Event-ID", "999")) {
      assertThat(sse.next().event()).as("an id from the future (a store that was reset)").isEqualTo("reset");
    }
  }

  @Test
  @DisplayName("a bad Last-Event-ID is a 400")
  void badLastEventId() {
    start(builder());
    assertThat(api.get("/api/MyModels/change-stream", "Last-Event-ID", "abc").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a client that reads nothing is disconnected at the limit, others keep up, and it resumes without loss")
  void slowClient() throws Exception {
    start(builder().maxQueuedBytes(64 * 1024).httpInstances(1));
    String filler = "x".repeat(4000);
    try (SseClient fast = stream(); Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.setSoTimeout(30_000);
      slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = slow.getOutputStream();
      out.write(("GET /api/MyModels/change-stream HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      fast.awaitRaw(":ok");
      long deadline = System.currentTimeMillis() + 10_000;
      while (server.server.subscriberCount() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(server.server.subscriberCount()).isEqualTo(2);

      int batches = 0;
      int written = 0;
      while (server.server.subscriberCount() > 1 && batches < 100) {
        JsonArray batch = new JsonArray();
        for (int i = 0; i < 50; i++) {
          batch.add(new JsonObject().put("n", ++written).put("pad", filler));
        }
        assertThat(api.post("/api/MyModels", batch).status()).isEqualTo(200);
        batches++;
      }
      assertThat(server.server.subscriberCount()).as("the slow client was disconnected").isEqualTo(1);
      for (int i = 1; i <= written; i++) {
        assertThat(id(fast.next())).isEqualTo(i);
      }

      // The slow client now reads what reached it, and resumes from its last id. The raw bytes go to
      // the parser with their chunk framing: every SSE frame is one chunk, so the framing lines
      // ("fa0", blank) fall between events, where the parser ignores them.
      List<Long> ids = new ArrayList<>();
      SseParser parser = new SseParser(e -> ids.add(Long.parseLong(e.id())));
      InputStream in = slow.getInputStream();
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) != -1) {
        parser.feed(java.util.Arrays.copyOf(buffer, n));
      }
      assertThat(ids.size()).isLessThan(written);
      long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
      try (SseClient resumed = stream("Last-Event-ID", Long.toString(last))) {
        for (long i = last + 1; i <= written; i++) {
          assertThat(id(resumed.next())).isEqualTo(i);
        }
      }
    }
  }

}
