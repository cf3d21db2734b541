package io.livemodel.hostile;

import static io.livemodel.hostile.PatternAttackTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.RawHttp;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #14, fairness between clients: one client address may have at most
 * {@code http.maxRequestsInFlightPerClient} requests in progress on a node; more get 429 with
 * {@code Retry-After} before any work, other addresses are served, and every place is given back.
 */
@DisplayName("Requests in progress are limited per client address (429), and every place is given back")
class RequestFloodTest {

  private static final String ORIGIN = "https://app.example";
  private static final String STREAM = "/api/MyModels/change-stream?_format=event-stream";

  private final List<Socket> sockets = new ArrayList<>();
  private TestServer server;

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("past the limit: 429 TOO_MANY_REQUESTS with Retry-After and CORS headers; another address and preflights are served; places return")
  void overTheLimit() throws Exception {
    server = TestServer.builder().maxRequestsInFlightPerClient(8).build();
    // Eight requests whose bodies never finish arriving: in progress until their connections close.
    for (int i = 0; i < 8; i++) {
      Socket socket = RawHttp.open("127.0.0.1", server.port());
      sockets.add(socket);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/MyModels HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    long deadline = System.currentTimeMillis() + 15_000;
    while (server.server.requestsInProgress("127.0.0.1") < 8 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.server.requestsInProgress("127.0.0.1")).as("the hung requests, in progress").isEqualTo(8);
    RawHttp.Response refused = RawHttp.get("127.0.0.1", server.port(), "/api/MyModels", "Origin: " + ORIGIN);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(refused.header("Content-Type")).startsWith("application/json");
    JsonObject error = new JsonObject(refused.body()).getJsonObject("error");
    assertThat(error.getInteger("statusCode")).isEqualTo(429);
    assertThat(error.getString("code")).isEqualTo("TOO_MANY_REQUESTS");
    assertThat(error.getString("message")).contains("http.maxRequestsInFlightPerClient").doesNotContain("io.livemodel");

    assertThat(RawHttp.get("127.0.0.2", server.port(), "/api/MyModels").status()).as("another address").isEqualTo(200);
    assertThat(preflight("127.0.0.1")).as("a preflight of the refused address").startsWith("HTTP/1.1 204");

    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
    awaitNoRequestsInProgress();
    assertThat(RawHttp.get("127.0.0.1", server.port(), "/api/MyModels").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("change streams are counted by the stream limits, not as requests in progress")
  void streamsAreNotRequests() throws Exception {
    server = TestServer.builder().maxRequestsInFlightPerClient(4).build();
    for (int i = 0; i < 10; i++) {
      assertThat(openStream()).as("stream %d", i).startsWith("HTTP/1.1 200");
    }
    assertThat(RawHttp.get("127.0.0.1", server.port(), "/api/MyModels").status()).isEqualTo(200);
    assertThat(server.server.subscriberCount()).isEqualTo(10);
  }

  @Test
  @DisplayName("10,000 requests of every outcome (200, 400, 404, 413, 204, aborted, streams) leave no client behind")
  void noLeak() throws Exception {
    server = TestServer.builder().bodyLimit(1024).build();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        // keep-alive: a place must be given back when the response ends, not only when the connection closes
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = next.getAndIncrement(); i < 10_000; i = next.getAndIncrement()) {
          String outcome;
          try {
            outcome = send(client, i);
          } catch (Exception e) {
            outcome = "error " + e;
          }
          outcomes.merge(outcome, 1, Integer::sum);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join(240_000);
    }
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
    assertThat(outcomes.keySet()).containsExactlyInAnyOrder("200", "400", "404", "413", "204", "aborted", "stream");
    awaitNoRequestsInProgress();
  }

  private String send(HttpClient client, int i) throws Exception {
    String base = server.base();
    switch (i % 10) {
      case 0, 1 -> {
        return status(client, HttpRequest.newBuilder(URI.create(base + "/api/MyModels?filter=" + enc("{\"limit\":1}"))));
      }
      case 2 -> {
        return status(client, HttpRequest.newBuilder(URI.create(base + "/api/MyModels?filter=" + enc("{\"where\":"))));
      }
      case 3 -> {
        return status(client, HttpRequest.newBuilder(URI.create(base + "/api/Nope")));
      }
      case 4 -> {
        return status(client, HttpRequest.newBuilder(URI.create(base + "/api/MyModels"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"i\":" + i + "}")));
      }
      case 5 -> {
        return status(client, HttpRequest.newBuilder(URI.create(base + "/api/MyModels"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(4000) + "\"}")));
      }
      case 6 -> {
        return status(client, HttpRequest.newBuilder(URI.create(base + "/api/MyModels")).header("Origin", ORIGIN)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      }
      case 7 -> {
        // a client that leaves in the middle of its request's body
        try (Socket socket = RawHttp.open("127.0.0.1", server.port())) {
          socket.getOutputStream().write(("POST /api/MyModels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 50\r\n\r\n{\"a\"").getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
        }
        return "aborted";
      }
      case 8 -> {
        try (Socket socket = RawHttp.open("127.0.0.1", server.port())) {
          String head = RawHttp.head(socket, STREAM);
          return head.startsWith("HTTP/1.1 200") ? "stream" : head;
        }
      }
      default -> {
        return status(client, HttpRequest.newBuilder(URI.create(base + "/api/MyModels/count")));
      }
    }
  }

  private static String status(HttpClient client, HttpRequest.Builder request) throws Exception {
    return Integer.toString(client.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  private void awaitNoRequestsInProgress() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (server.server.clientsWithRequestsInProgress() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.server.clientsWithRequestsInProgress()).as("client addresses with requests in progress").isZero();
  }

  private String preflight(String from) throws IOException {
    try (Socket socket = RawHttp.open(from, server.port())) {
      socket.getOutputStream().write(("OPTIONS /api/MyModels HTTP/1.1\r\nHost: x\r\nOrigin: " + ORIGIN
          + "\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** Opens an SSE request from 127.0.0.1 and returns the response head (the socket stays open). */
  private String openStream() throws IOException {
    Socket socket = RawHttp.open("127.0.0.1", server.port());
    sockets.add(socket);
    return RawHttp.head(socket, STREAM);
  }
}
