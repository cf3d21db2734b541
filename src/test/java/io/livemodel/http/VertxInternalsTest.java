package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.http.VertxInternals.Feature;
import io.livemodel.http.VertxInternals.Path;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Vert.x internals adapter: on this Vert.x both fast paths are in use (an upgrade that breaks one
 * fails here), and each fallback, forced, still serves streams and is reported.
 */
@DisplayName("Vert.x internals: the self-check and each fallback")
class VertxInternalsTest {

  /**
   * Idle connections close after 2 s; no heartbeats, so only the exemption keeps a stream open. (With
   * 1 s, a loaded machine can let a fresh connection idle that long before the stream opens.)
   */
  private static TestServer.Builder idleServer() {
    return TestServer.builder().idleTimeoutSeconds(2).heartbeatSeconds(0);
  }

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(VertxInternalsTest::idleServer).manual()
      // No keep-alive: an idle pooled connection would be closed under the next request.
      .apiOptions(new HttpClientOptions().setKeepAlive(false));

  @AfterEach
  void clearForced() {
    VertxInternals.clearForced();
  }

  @Test
  @DisplayName("on this Vert.x the self-check reports both fast paths")
  void fastPathsOnThisVertx() {
    VertxInternals.SelfCheck check = VertxInternals.selfCheck();
    assertThat(check.sseWrites()).isEqualTo(new Path(true, "direct to channel"));
    assertThat(check.idleExemption()).isEqualTo(new Path(true, "pipeline"));
    assertThat(check.fastPaths()).isTrue();
    assertThat(check).hasToString("SSE writes: direct to channel; idle-timeout exemption: pipeline");
  }

  @Test
  @DisplayName("on a real HTTP/1.1 connection a stream's output goes direct to the channel; forced, through the public API")
  void outputChosenPerStream() {
    Vertx vertx = Vertx.vertx();
    try {
      List<String> chosen = new CopyOnWriteArrayList<>();
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
          .requestHandler(request -> {
            HttpServerResponse response = request.response().setChunked(true);
            ChunkOutput out = VertxInternals.openChunkOutput(request, response, new FlushBatch());
            chosen.add(out.getClass().getSimpleName());
            out.write(Buffer.buffer("one\n"));
            out.write(SharedChunk.of("two\n"));
            response.end();
          })
          .listen().await();
      HttpClient client = vertx.createHttpClient();
      String url = "http://127.0.0.1:" + server.actualPort() + "/";
      assertThat(client.request(new RequestOptions().setAbsoluteURI(url))
          .compose(r -> r.send().compose(HttpClientResponse::body)).await().toString()).isEqualTo("one\ntwo\n");
      VertxInternals.forceFallback(Feature.DIRECT_WRITES);
      assertThat(client.request(new RequestOptions().setAbsoluteURI(url))
          .compose(r -> r.send().compose(HttpClientResponse::body)).await().toString()).isEqualTo("one\ntwo\n");
      assertThat(chosen).containsExactly("DirectOutput", "Response");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("a live HTTP/1.1 stream fits both fast paths: it outlives the idle timeout, and the self-check still reports them")
  void liveStreamFitsFastPaths() throws InterruptedException {
    live.start(idleServer());
    SseClient sse = live.sse("/api/MyModels/change-stream");
    sse.awaitRaw(":ok\n\n");
    // Twice the idle timeout without a byte on the stream's connection.
    Thread.sleep(4_000);
    live.api().post("/api/MyModels", new JsonObject().put("n", 1));
    assertThat(sse.next().json().getJsonObject("data").getInteger("n")).isEqualTo(1);
    assertThat(sse.ended()).isFalse();
    assertThat(VertxInternals.selfCheck().fastPaths())
        .as("no live connection fell back: %s", VertxInternals.selfCheck()).isTrue();
  }

  @Test
  @DisplayName("a stream's connection is slimmed: the request decoder becomes a sink, the upgrade, file-send and guard handlers go; the response still ends")
  void slimmedStreamPipeline() {
    Vertx vertx = Vertx.vertx();
    try {
      List<List<String>> pipelines = new CopyOnWriteArrayList<>();
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
          .connectionHandler(ProtocolGuard::install)
          .requestHandler(request -> {
            HttpServerResponse response = request.response().setChunked(true);
            response.write("a");
            pipelines.add(VertxInternals.pipeline(request.connection()).names());
            assertThat(VertxInternals.slimForStream(request.connection())).isTrue();
            vertx.setTimer(200, id -> {
              pipelines.add(VertxInternals.pipeline(request.connection()).names());
              response.end("b");
            });
          })
          .listen().await();
      HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
      String url = "http://127.0.0.1:" + server.actualPort() + "/";
      assertThat(client.request(new RequestOptions().setAbsoluteURI(url))
          .compose(r -> r.send().compose(HttpClientResponse::body)).await().toString()).isEqualTo("ab");
      assertThat(pipelines.get(0)).contains("httpDecoder", "h2c", "webSocketExtensionHandler", ProtocolGuard.NAME,
          "handler");
      assertThat(pipelines.get(1)).contains("livemodel-stream-input", "httpEncoder", "handler")
          .doesNotContain("httpDecoder", "h2c", "chunkedWriter", "webSocketExtensionHandler", ProtocolGuard.NAME);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("stream.tcpNoDelay false gives a stream's socket Nagle's algorithm back (read back from the kernel), on every transport here; without it TCP_NODELAY stays")
  void streamSocketNagle() {
    List<Transport> transports = new java.util.ArrayList<>(List.of(Transport.NIO));
    for (Transport nativeTransport : new Transport[] {Transport.IO_URING, Transport.EPOLL}) {
      if (nativeTransport != null && nativeTransport.available()) {
        transports.add(nativeTransport);
      }
    }
    for (Transport transport : transports) {
      Vertx vertx = Vertx.builder().withTransport(transport).build();
      try {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(request -> {
              boolean noDelay = request.path().equals("/nodelay");
              HttpServerResponse response = request.response().setChunked(true);
              response.write("a");
              io.netty.channel.Channel channel = ((io.vertx.core.net.impl.ConnectionBase) request.connection()).channel();
              seen.add("before " + channel.config().getOption(io.netty.channel.ChannelOption.TCP_NODELAY));
              if (!noDelay) {
                assertThat(VertxInternals.useNagle(request.connection())).isTrue();
              }
              vertx.setTimer(100, id -> {
                seen.add(request.path() + " " + channel.config().getOption(io.netty.channel.ChannelOption.TCP_NODELAY));
                response.end("b");
              });
            })
            .listen().await();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        for (String path : List.of("/nagle", "/nodelay")) {
          String url = "http://127.0.0.1:" + server.actualPort() + path;
          assertThat(client.request(new RequestOptions().setAbsoluteURI(url))
              .compose(r -> r.send().compose(HttpClientResponse::body)).await().toString()).isEqualTo("ab");
        }
        assertThat(seen).as("on %s", transport.name())
            .containsExactly("before true", "/nagle false", "before true", "/nodelay true");
      } finally {
        vertx.close().await();
      }
    }
  }

  @Test
  @DisplayName("an open stream's connection stops reading what its client sends after the request (a pipelined request is never answered, as in Node); the stream goes on and a close is still seen")
  void streamConnectionDropsLaterInput() throws Exception {
    live.start(TestServer.builder().heartbeatSeconds(0));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", live.server().port())) {
      socket.setSoTimeout(10_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("GET /api/MyModels/change-stream?_format=event-stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "X-Padding: " + "p".repeat(2_000) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      java.io.InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      readUntil(in, seen, ":ok");
      // Once the stream is open: a pipelined request, then bytes that are no HTTP at all.
      Thread.sleep(200);
      out.write("GET /api/MyModels HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n\u0000\u0001 not http\r\n\r\n"
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.flush();
      Thread.sleep(200);
      live.api().post("/api/MyModels", new JsonObject().put("n", 1));
      readUntil(in, seen, "\"type\":\"create\"");
      live.api().post("/api/MyModels", new JsonObject().put("n", 2));
      readUntil(in, seen, "\"n\":2");
      assertThat(seen.toString()).startsWith("HTTP/1.1 200 OK").containsOnlyOnce("HTTP/1.1")
          .doesNotContain("400").doesNotContain("[]");
      assertThat(live.server().server.subscriberCount()).isEqualTo(1);
    }
    // The connection reads no more after the client's extra bytes, yet the client's close is seen.
    long deadline = System.currentTimeMillis() + 10_000;
    while (live.server().server.subscriberCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(live.server().server.subscriberCount()).as("the closed stream left the hub").isZero();
  }

  private static void readUntil(java.io.InputStream in, StringBuilder seen, String wanted) throws java.io.IOException {
    byte[] buffer = new byte[8192];
    while (seen.indexOf(wanted) < 0) {
      int n = in.read(buffer);
      assertThat(n).as("connection open while waiting for %s; got %s", wanted, seen).isPositive();
      seen.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  @DisplayName("SSE writes through the public API (forced): reported, and the stream is the same, byte for byte")
  void publicApiWrites() {
    String direct = createUpdateDelete();
    VertxInternals.forceFallback(Feature.DIRECT_WRITES);
    assertThat(VertxInternals.selfCheck().sseWrites()).isEqualTo(new Path(false, "public API (forced by a test)"));
    assertThat(VertxInternals.selfCheck().idleExemption().fast()).isTrue();
    assertThat(createUpdateDelete()).isEqualTo(direct);
  }

  /** The raw SSE stream of a create, an update and a delete, on a fresh server. */
  private String createUpdateDelete() {
    live.start(TestServer.builder());
    try (SseClient sse = live.sse("/api/MyModels/change-stream");
         SseClient lines = live.sse(HttpMethod.POST, "/api/MyModels/change-stream", null, "Accept", "application/json")) {
      sse.awaitRaw(":ok\n\n");
      lines.awaitRaw("\"new\"");
      live.api().post("/api/MyModels", new JsonObject().put("n", 1).put("text", "é".repeat(3000)));
      live.api().patch("/api/MyModels/1", new JsonObject().put("n", 2));
      live.api().delete("/api/MyModels/1");
      assertThat(sse.next(3)).extracting(e -> e.json().getString("type")).containsExactly("create", "update", "remove");
      lines.awaitRaw("\"type\":\"remove\"}]\n");
      String linesRaw = lines.raw();
      // The JSON-lines stream names itself with a random id, on every line.
      String streamId = linesRaw.substring(linesRaw.indexOf("[\"") + 2, linesRaw.indexOf("\",\"new\""));
      return sse.raw() + "\n---\n" + linesRaw.replace(streamId, "<stream id>");
    }
  }

  @Test
  @DisplayName("idle-timeout exemption unavailable (forced): reported, and a silent stream is closed after the idle timeout")
  void idleExemptionUnavailable() {
    VertxInternals.forceFallback(Feature.IDLE_EXEMPTION);
    assertThat(VertxInternals.selfCheck().idleExemption()).isEqualTo(new Path(false, "unavailable (forced by a test)"));
    assertThat(VertxInternals.selfCheck().sseWrites().fast()).isTrue();
    live.start(idleServer());
    SseClient sse = live.sse("/api/MyModels/change-stream");
    sse.awaitRaw(":ok\n\n");
    live.api().post("/api/MyModels", new JsonObject().put("n", 1));
    assertThat(sse.next().json().getJsonObject("data").getInteger("n")).as("it serves until then").isEqualTo(1);
    awaitEnded(sse);
    assertThat(sse.ended()).as("closed by the idle timeout").isTrue();
  }

  private static void awaitEnded(SseClient sse) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!sse.ended() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Test
  @DisplayName("the self-check is logged at INFO once per Vert.x instance, however many HTTP verticles ask")
  void loggedOncePerNode() {
    Logger logger = Logger.getLogger(VertxInternals.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(capture);
    Vertx one = Vertx.vertx();
    Vertx two = Vertx.vertx();
    try {
      VertxInternals.logSelfCheck(one);
      VertxInternals.logSelfCheck(one);
      VertxInternals.logSelfCheck(two);
    } finally {
      logger.removeHandler(capture);
      one.close().await();
      two.close().await();
    }
    assertThat(records).hasSize(2).allSatisfy(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.INFO);
      assertThat(record.getMessage()).isEqualTo("SSE writes: direct to channel; idle-timeout exemption: pipeline");
    });
  }
}
