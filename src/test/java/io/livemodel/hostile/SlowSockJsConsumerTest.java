package io.livemodel.hostile;

import static io.livemodel.hostile.SlowBridgeConsumerTest.disconnected;
import static io.livemodel.hostile.SlowBridgeConsumerTest.maskedText;
import static io.livemodel.hostile.SlowBridgeConsumerTest.readHead;
import static io.livemodel.hostile.SlowBridgeConsumerTest.smallSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.config.OpsConfig;
import io.livemodel.ops.Metrics;
import io.livemodel.testing.Api;
import io.livemodel.testing.Probe;
import io.livemodel.testing.TestServer;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #14 finding 3, the SockJS-framed transports, one attack each (two attackers): sessions that
 * register on changes.MyModel and then stop reading (or never poll) are closed once their unsent bytes pass bridge.maxQueuedBytes,
 * while a SockJS WebSocket client that reads gets every change. Each attacker pings every 2 s, so
 * the bridge's 10 s ping timeout closes none of them: only the cutoff can, and the metric
 * {@code livemodel_stream_slow_client_disconnects_total{transport="sockjs"}} counts exactly those.
 */
@DisplayName("SockJS sessions that stop reading (WebSocket, xhr_streaming, eventsource, htmlfile, xhr polling) are cut off at bridge.maxQueuedBytes")
class SlowSockJsConsumerTest {

  private static final long LIMIT = BridgeConfig.DEFAULT_MAX_QUEUED_BYTES;
  private static final int READER_LAG = 10;
  private static final int BATCH = 50;
  private static final long BATCH_MILLIS = 50;
  private static final int WARM_UP = 20;
  private static final int ATTACKERS = 2;
  /** 20 MB per client: well past the limit and what the kernel buffers for a client that does not read (4 MB here). */
  private static final int CHANGES = 10_000;
  private static final String PAD = "p".repeat(2000);
  private static final String REGISTER = "{\"type\":\"register\",\"address\":\"changes.MyModel\"}";
  private static final String PING = "{\"type\":\"ping\"}";

  private TestServer server;
  private Api api;
  private HttpClient http;
  private ScheduledExecutorService pings;

  @BeforeEach
  void start() {
    server = TestServer.builder().vertx(Metrics.vertx(new VertxOptions(), OpsConfig.defaults()))
        .bodyLimit(16L * 1024 * 1024)
        .bridge(new BridgeConfig("/eventbus", 0, "127.0.0.1", false, 10, 200, 65536, LIMIT))
        .build();
    api = new Api(server);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    pings = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() {
    pings.shutdownNow();
    api.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"websocket", "xhr_streaming", "eventsource", "htmlfile", "xhr"})
  @DisplayName("stalled sessions are closed and their registrations removed; a reading client gets every change; the server serves on")
  void stalledSessions(String transport) throws Exception {
    try (FramedClient reader = FramedClient.connect(server.port(), pings)) {
      reader.send(REGISTER);
      assertThat(eventually(() -> metric("livemodel_streams_open"), 1)).isEqualTo(1);
      // Warm-up, before the attack: a cold server takes about a second over its first batches (JIT),
      // which is not what the probe is for.
      for (int batch = -WARM_UP; batch < 0; batch++) {
        postBatch(batch);
      }
      assertThat(reader.awaitChanges(WARM_UP * BATCH)).isEqualTo(WARM_UP * BATCH);
      long heapBefore = PatternAttackTest.liveHeap();
      Probe probe = Probe.start(server.base() + "/api/Notes");
      // Then the attackers, and the attack right away: a polling session without a poll waiting ends by
      // itself 5 s after its last poll.
      List<Socket> stalled = new ArrayList<>();
      for (int i = 0; i < ATTACKERS; i++) {
        Socket socket = attacker(transport);
        if (socket != null) {
          stalled.add(socket);
        }
      }
      int attackers = ATTACKERS;
      assertThat(eventually(() -> metric("livemodel_streams_open"), attackers + 1))
          .as("registrations on changes.MyModel").isEqualTo(attackers + 1);
      for (int batch = 0; batch < CHANGES / BATCH; batch++) {
        long started = System.nanoTime();
        postBatch(batch);
        if (batch >= READER_LAG) {
          // A steady writer, not a flood: the reading client may fall READER_LAG batches (1 MB) behind, no
          // more. Else a moment without CPU on this busy machine lets it fall megabytes behind and be cut
          // off too, rightly. The attackers get everything regardless.
          reader.awaitChanges(WARM_UP * BATCH + (batch - READER_LAG) * BATCH);
        }
        // At most 20 batches (2 MB) a second: the attack lasts 10 s, so that the probe's p99 is one of
        // 100 samples or more, not the single slowest of a few dozen.
        long left = BATCH_MILLIS - (System.nanoTime() - started) / 1_000_000;
        if (left > 0) {
          Thread.sleep(left);
        }
      }
      Probe.Result seen = probe.stop();

      assertThat(eventually(() -> metric("livemodel_stream_slow_client_disconnects_total"), attackers))
          .as("sessions cut off for reading too slowly").isEqualTo(attackers);
      assertThat(eventually(() -> metric("livemodel_streams_open"), 1)).as("registrations left").isEqualTo(1);
      // Measured while the attackers' sockets are still open: nothing of theirs may stay queued.
      assertThat(PatternAttackTest.liveHeap() - heapBefore).isLessThan(100L * 1024 * 1024);
      for (Socket socket : stalled) {
        assertThat(disconnected(socket)).as("stalled %s client disconnected", transport).isTrue();
        socket.close();
      }
      assertThat(reader.awaitChanges(WARM_UP * BATCH + CHANGES)).as("changes the reading client got")
          .isEqualTo(WARM_UP * BATCH + CHANGES);
      assertThat(reader.closed).isFalse();
      assertThat(seen.p99()).as("probe p99 (ms) of %s", seen.millis()).isLessThan(1000);
    }
    assertThat(api.get("/api/MyModels/count").json().getInteger("count")).isEqualTo(WARM_UP * BATCH + CHANGES);
    assertThat(api.get("/api/MyModels/" + (WARM_UP * BATCH + CHANGES)).json().getString("pad")).isEqualTo(PAD);
  }

  private void postBatch(int batch) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < BATCH; i++) {
      items.add(new JsonObject().put("pad", PAD).put("n", batch * BATCH + i));
    }
    assertThat(api.post("/api/MyModels", items).status()).isEqualTo(200);
  }

  /**
   * One attacker on {@code transport}, registered on changes.MyModel and pinging; its socket, or null
   * for {@code xhr} (a polling session that never polls again has no connection).
   */
  private Socket attacker(String transport) throws Exception {
    return switch (transport) {
      case "websocket" -> webSocket();
      case "xhr_streaming" -> streaming("POST", "xhr_streaming", "");
      case "eventsource" -> streaming("GET", "eventsource", "");
      case "htmlfile" -> streaming("GET", "htmlfile", "?c=callback");
      default -> {
        neverPolling();
        yield null;
      }
    };
  }

  private static String session() {
    return "/eventbus/000/" + UUID.randomUUID().toString().replace("-", "");
  }

  /** A SockJS WebSocket ({@code /eventbus/<server>/<session>/websocket}) that registers and pings, and reads no more. */
  private Socket webSocket() throws Exception {
    Socket socket = smallSocket(server.port());
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + session() + "/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 101");
    out.write(maskedText(new JsonArray().add(REGISTER).encode()));
    out.flush();
    byte[] ping = maskedText(new JsonArray().add(PING).encode());
    pings.scheduleWithFixedDelay(() -> {
      try {
        out.write(ping);
        out.flush();
      } catch (IOException closed) {
        // cut off: nothing more to ping
      }
    }, 2, 2, TimeUnit.SECONDS);
    return socket;
  }

  /**
   * A streaming receive request ({@code xhr_streaming}, {@code eventsource}, {@code htmlfile}) of a
   * new session, which then registers and pings through {@code xhr_send} and reads no more.
   */
  private Socket streaming(String method, String transport, String query) throws Exception {
    String session = session();
    Socket socket = smallSocket(server.port());
    socket.getOutputStream().write((method + " " + session + "/" + transport + query + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
    sendAndPing(session);
    return socket;
  }

  /** An xhr-polling session: one poll (the open frame), a registration, pings, and no poll ever again. */
  private void neverPolling() throws Exception {
    String session = session();
    // A client of its own: the server closes a poll's connection after answering, so it cannot be reused.
    HttpResponse<String> open = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(post(session + "/xhr", ""), HttpResponse.BodyHandlers.ofString());
    assertThat(open.body()).isEqualTo("o\n");
    sendAndPing(session);
  }

  private void sendAndPing(String session) throws Exception {
    HttpResponse<String> sent = http.send(post(session + "/xhr_send", new JsonArray().add(REGISTER).encode()),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).isEqualTo(204);
    HttpRequest ping = post(session + "/xhr_send", new JsonArray().add(PING).encode());
    pings.scheduleWithFixedDelay(() -> http.sendAsync(ping, HttpResponse.BodyHandlers.discarding()),
        2, 2, TimeUnit.SECONDS);
  }

  private HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /** One sample of /metrics for MyModel over SockJS, 0 when absent. */
  private long metric(String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{model=\"MyModel\",transport=\"sockjs\"} (\\S+)$")
        .matcher(api.get("/metrics").body());
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  /** Waits (at most 15 s) until {@code value} gives {@code expected}; returns the last value seen. */
  private static long eventually(LongSupplier value, long expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    long last = value.getAsLong();
    while (last != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      last = value.getAsLong();
    }
    return last;
  }

  /**
   * A well-behaved SockJS client on the WebSocket transport (the JDK's WebSocket client, speaking
   * SockJS framing: {@code o}, {@code h}, {@code a[...]}, {@code c[...]}): reads everything, pings
   * every 2 s, and notes the {@code seq} of every change of MyModel.
   */
  static final class FramedClient implements WebSocket.Listener, AutoCloseable {

    private final Set<Long> seqs = ConcurrentHashMap.newKeySet();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile boolean closed;

    static FramedClient connect(int port, ScheduledExecutorService pings) throws Exception {
      FramedClient client = new FramedClient();
      client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + port + session() + "/websocket"), client)
          .get(10, TimeUnit.SECONDS);
      pings.scheduleWithFixedDelay(() -> client.send(PING), 2, 2, TimeUnit.SECONDS);
      return client;
    }

    synchronized void send(String bridgeFrame) {
      if (!closed) {
        socket.sendText(new JsonArray().add(bridgeFrame).encode(), true).join();
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.startsWith("a")) {
          for (Object message : new JsonArray(frame.substring(1))) {
            JsonObject received = new JsonObject((String) message);
            if ("changes.MyModel".equals(received.getString("address"))) {
              seqs.add(Long.parseLong(received.getJsonObject("headers").getString("seq")));
            }
          }
        } else if (frame.startsWith("c")) {
          closed = true;
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed = true;
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed = true;
    }

    /** Waits (at most 30 s) for {@code n} distinct changes; returns how many arrived. */
    int awaitChanges(int n) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 30_000;
      while (seqs.size() < n && !closed && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      return seqs.size();
    }

    @Override
    public void close() {
      closed = true;
      socket.abort();
    }
  }
}
