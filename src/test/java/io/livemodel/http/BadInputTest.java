package io.livemodel.http;

import static io.livemodel.http.ChangeStreamTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.LiveModelExtension;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Bad input gets a LoopBack error, changes nothing, and the server keeps serving")
class BadInputTest {

  @RegisterExtension
  final LiveModelExtension live = LiveModelExtension.with(TestServer.builder().bodyLimit(64 * 1024).idleTimeoutSeconds(1))
      // No keep-alive: the server closes idle connections after 1 s here, and a pooled one could race it.
      .apiOptions(new HttpClientOptions().setKeepAlive(false));

  private TestServer server;
  private Api api;
  private SseClient watcher;

  @BeforeEach
  void start() {
    server = live.server();
    api = live.api();
    api.post("/api/Notes", new JsonObject().put("title", "keep").put("count", 1));
    watcher = live.sse("/api/Notes/change-stream");
    watcher.awaitRaw(":ok");
  }

  @AfterEach
  void stop() {
    // Nothing was changed by the bad input, and streams and writes still work.
    assertThat(api.get("/api/Notes").array())
        .isEqualTo(new JsonArray().add(new JsonObject().put("title", "keep").put("count", 1).put("id", 1)));
    assertThat(watcher.drain()).isEmpty();
    api.post("/api/Notes", new JsonObject().put("title", "after"));
    assertThat(watcher.next().json().getJsonObject("data").getString("title")).isEqualTo("after");
  }

  private void assertError(Api.Response response, int status, String name) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(response.error().getInteger("statusCode")).isEqualTo(status);
    assertThat(response.error().getString("name")).isEqualTo(name);
    assertThat(response.error().getString("message")).isNotBlank();
  }

  @Test
  @DisplayName("malformed JSON, invalid UTF-8, 10,000 levels of nesting and 1e309 are 400 SyntaxErrors")
  void malformedBodies() {
    assertError(api.call(HttpMethod.POST, "/api/Notes", (Object) "{bad"), 400, "SyntaxError");
    Buffer invalidUtf8 = Buffer.buffer("{\"title\":\"").appendBytes(new byte[] {(byte) 0xc3, (byte) 0x28}).appendString("\"}");
    assertError(api.call(HttpMethod.POST, "/api/Notes", invalidUtf8, "Content-Type", "application/json"), 400, "SyntaxError");
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertError(api.call(HttpMethod.POST, "/api/Notes", (Object) ("{\"title\":\"x\",\"meta\":" + deep + "}")), 400, "SyntaxError");
    assertError(api.call(HttpMethod.POST, "/api/Notes", (Object) "{\"title\":\"x\",\"count\":1e309}"), 400, "SyntaxError");
  }

  @Test
  @DisplayName("a body over the limit is a 413, refused without reading it all")
  void bodyTooLarge() {
    String big = "{\"title\":\"" + "x".repeat(200 * 1024) + "\"}";
    Api.Response response = api.call(HttpMethod.POST, "/api/Notes", (Object) big);
    assertError(response, 413, "PayloadTooLargeError");
  }

  @Test
  @DisplayName("a body that is not an object where one is required is a 400")
  void notAnObject() {
    assertError(api.call(HttpMethod.POST, "/api/Notes", (Object) "5"), 400, "Error");
    assertError(api.call(HttpMethod.PATCH, "/api/Notes/1", (Object) "\"text\""), 400, "Error");
    assertError(api.call(HttpMethod.POST, "/api/Notes", (Object) "[1,2]"), 400, "Error");
  }

  @Test
  @DisplayName("malformed filters are 400s (API.md section 3)")
  void malformedFilters() {
    for (String filter : new String[] {"{bad}", "{bad", "5", "{\"where\":5}", "{\"order\":5}", "{\"limit\":-1}",
        "{\"limit\":\"abc\"}", "{\"where\":{\"count\":{\"between\":[1]}}}"}) {
      assertError(api.get("/api/Notes?filter=" + enc(filter)), 400, "Error");
    }
    assertError(api.get("/api/Notes?filter=" + enc("{\"where\":{}}") + "&filter[limit]=1"), 400, "Error");
  }

  @Test
  @DisplayName("wrong types are 422 with details")
  void wrongTypes() {
    Api.Response r = api.post("/api/Notes", new JsonObject().put("title", "t").put("when", "yesterday-ish"));
    assertError(r, 422, "ValidationError");
    assertThat(r.error().getJsonObject("details").getJsonObject("codes").getJsonArray("when")).containsExactly("date");
  }

  @Test
  @DisplayName("catastrophic-backtracking regexp and like patterns answer promptly and correctly")
  void noCatastrophicBacktracking() {
    api.post("/api/MyModels", new JsonObject().put("s", "a".repeat(30_000) + "!"));
    Api.Response regexp = api.get("/api/MyModels?filter=" + enc("{\"where\":{\"s\":{\"regexp\":\"^(a+)+$\"}}}"));
    assertThat(regexp.status()).isEqualTo(200);
    assertThat(regexp.array()).isEmpty();
    Api.Response like = api.get("/api/MyModels?filter=" + enc("{\"where\":{\"s\":{\"like\":\"%a%a%a%a%a%a%a%b\"}}}"));
    assertThat(like.status()).isEqualTo(200);
    assertThat(like.array()).isEmpty();
    api.delete("/api/MyModels/1");
  }

  @Test
  @DisplayName("a 12 KB request line is served, as LoopBack 3 on Node serves it (16 KB of head); a longer one than that is a 414")
  void longRequestLines() throws Exception {
    StringBuilder titles = new StringBuilder("[\"keep\"");
    for (int i = 0; titles.length() < 11_500; i++) {
      titles.append(",\"not-a-title-").append(i).append('"');
    }
    String filter = "{\"where\":{\"title\":{\"inq\":" + titles + "]}}}";
    String url = "/api/Notes?filter=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(url.length()).isBetween(12_000, HttpVerticle.MAX_REQUEST_LINE - 100);
    Api.Response served = api.get(url);
    assertThat(served.status()).as(served.body()).isEqualTo(200);
    assertThat(served.array()).isEqualTo(new JsonArray().add(new JsonObject().put("title", "keep").put("count", 1).put("id", 1)));

    String tooLong = "/api/Notes?filter=" + "x".repeat(HttpVerticle.MAX_REQUEST_LINE);
    Api fresh = new Api(server); // the server closes the connection after refusing the line
    try {
      assertThat(fresh.get(tooLong).status()).isEqualTo(414);
    } catch (io.vertx.core.http.HttpClosedException refused) {
      // the close can reach the client before the answer: refused either way; the server serves on (stop())
    } finally {
      fresh.close();
    }
  }

  @Test
  @DisplayName("a request head the HTTP codec refuses (line over 16 KB: 414, header block over the limit: 431, not HTTP: 400) is answered with LoopBack's error body, then the connection closes")
  void undecodableHeads() throws Exception {
    String line = "GET /api/Notes?filter=" + "x".repeat(HttpVerticle.MAX_REQUEST_LINE) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    assertRawError(line, 414, "URITooLongError", "The request line is longer than 16384 bytes");
    String headers = "GET /api/Notes HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n";
    assertRawError(headers, 431, "RequestHeaderFieldsTooLargeError", "The request's header fields take more than 16384 bytes");
    assertRawError("GET /api/Notes HTTP/9.x\r\nHost: x\r\n\r\n", 400, "BadRequestError", "The request cannot be parsed as HTTP");
  }

  /**
   * Sends {@code request} on a socket of its own and reads the answer to the end (the server closes the
   * connection after it). A refused head may also be met by a reset when the server closes before it
   * has read everything the client sent: up to five tries, and at least one must bring the answer.
   */
  private void assertRawError(String request, int status, String name, String message) throws Exception {
    String answer = null;
    for (int attempt = 0; attempt < 5 && answer == null; attempt++) {
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.net.SocketException reset) {
        // refused before the answer arrived: try again
      }
    }
    assertThat(answer).as("an answer in five tries").isNotNull();
    // HTTP/1.0 where the request line itself could not be read (Vert.x answers the codec's stand-in for it)
    assertThat(answer).containsPattern("^HTTP/1\\.[01] " + status + " ");
    int split = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, split).toLowerCase(java.util.Locale.ROOT);
    assertThat(head).contains("content-type: application/json; charset=utf-8").contains("connection: close");
    JsonObject error = new JsonObject(answer.substring(split + 4)).getJsonObject("error");
    assertThat(error).isEqualTo(new JsonObject().put("statusCode", status).put("name", name).put("message", message));
  }

  @Test
  @DisplayName("a 12 KB header block (a browser's cookies) is served, as LoopBack 3 on Node serves it")
  void largeCookies() {
    String cookies = String.join("; ", java.util.stream.IntStream.range(0, 320)
        .mapToObj(i -> "c" + i + "=" + "v".repeat(30)).toList());
    assertThat(cookies.length()).isBetween(11_000, 14_000);
    Api.Response served = api.get("/api/Notes", "Cookie", cookies);
    assertThat(served.status()).as(served.body()).isEqualTo(200);
    assertThat(served.array()).hasSize(1);
  }

  @Test
  @DisplayName("oversized headers are refused and the connection does not hurt anyone else")
  void hugeHeaders() {
    try {
      Api.Response r = api.get("/api/Notes", "X-Big", "y".repeat(20_000));
      assertThat(r.status()).isIn(400, 413, 431);
    } catch (io.vertx.core.http.HttpClosedException refused) {
      // Refused by closing the connection: as good, as long as the server serves on (checked after each test).
    }
  }

  @Test
  @DisplayName("a connection that never finishes its request headers is closed after the idle timeout")
  void slowloris() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /api/Notes HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      long start = System.nanoTime();
      int read = in.read();
      assertThat(read).as("server closed the connection").isEqualTo(-1);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(9_000);
    }
  }

  @Test
  @DisplayName("a body that trickles in slower than the idle timeout is cut off")
  void slowBody() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/Notes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ti")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      int read;
      do {
        read = in.read();
      } while (read != -1);
      assertThat(read).isEqualTo(-1);
    }
  }

  /** Sends raw bytes on a fresh connection; returns everything the server answered until it closed (or 3 s passed). */
  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(3_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = socket.getInputStream().read(buffer)) != -1; ) {
          answer.write(buffer, 0, n);
        }
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // the server kept the connection open (or reset it): what arrived is the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static int status(String rawAnswer) {
    assertThat(rawAnswer).as("an HTTP answer").startsWith("HTTP/1.");
    return Integer.parseInt(rawAnswer.substring(9, 12));
  }

  private Api.Response form(HttpMethod method, String path, String body) {
    return api.call(method, path, Buffer.buffer(body), "Content-Type", "application/x-www-form-urlencoded");
  }

  @Test
  @DisplayName("malformed urlencoded bodies are 4xx, never 500: empty pairs, 2,000 parameters, bad percent-encoding, deep brackets")
  void formBodies() {
    Api.Response empty = form(HttpMethod.POST, "/api/Notes", "&&=&=&&");
    assertThat(empty.status()).as(empty.body()).isIn(400, 422);
    StringBuilder many = new StringBuilder("title=x");
    for (int i = 0; i < 2000; i++) {
      many.append("&p").append(i).append('=').append(i);
    }
    assertError(form(HttpMethod.POST, "/api/Notes", many.toString()), 413, "PayloadTooLargeError");
    assertError(form(HttpMethod.POST, "/api/Notes", "title=%zz&count=%E0%A4%A"), 400, "Error");
    for (String deep : new String[] {"title" + "[".repeat(10_000) + "=1", "title" + "[a]".repeat(10_000) + "=1",
        "title" + "[a]".repeat(2_000) + "=1"}) {
      Api.Response r = form(HttpMethod.POST, "/api/Notes", deep);
      assertThat(r.status()).as(r.body()).isIn(400, 413, 422);
      assertThat(r.error().getInteger("statusCode")).isEqualTo(r.status());
    }
    assertError(form(HttpMethod.PATCH, "/api/Notes/1", "count=%"), 400, "Error");
  }

  @Test
  @DisplayName("a multipart body of garbage is a 4xx, and changes nothing")
  void multipartGarbage() {
    Api.Response r = api.call(HttpMethod.POST, "/api/Notes", Buffer.buffer("--x\r\ngarbage\r\n\r\n--y--\u0000\u0001"),
        "Content-Type", "multipart/form-data; boundary=x");
    assertThat(r.status()).as(r.body()).isBetween(400, 499);
    Api.Response noBoundary = api.call(HttpMethod.POST, "/api/Notes", Buffer.buffer("junk"), "Content-Type", "multipart/form-data");
    assertThat(noBoundary.status()).as(noBoundary.body()).isBetween(400, 499);
  }

  @Test
  @DisplayName("include of a non-relation is a 400 naming it")
  void includeOfNonRelation() {
    Api.Response r = api.get("/api/Notes?filter=" + enc("{\"include\":\"title\"}"));
    assertError(r, 400, "Error");
    assertThat(r.error().getString("message")).contains("\"title\"");
  }

  @Test
  @DisplayName("a constructor key or a dotted property name in POST, PATCH and PUT bodies is a 422 (LoopBack: 500)")
  void refusedPropertyNames() {
    for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT}) {
      String path = method == HttpMethod.POST ? "/api/Notes" : "/api/Notes/1";
      assertError(api.call(method, path, new JsonObject().put("title", "x").put("constructor", "y")), 422, "ValidationError");
      assertError(api.call(method, path, new JsonObject().put("title", "x").put("constructor", new JsonObject())),
          422, "ValidationError");
    }
    assertError(api.post("/api/MyModels", new JsonObject().put("a.b", 1)), 422, "ValidationError");
    assertThat(api.get("/api/MyModels/count").json().getInteger("count")).isZero();
  }

  @Test
  @DisplayName("Accept: ;;;; is a 406 (it names no format)")
  void garbageAccept() {
    Api.Response r = api.get("/api/Notes", "Accept", ";;;;");
    assertThat(r.status()).as(r.body()).isEqualTo(406);
  }

  @Test
  @DisplayName("HTTP/1.1 without Host is a 400")
  void noHost() throws Exception {
    assertThat(status(raw("GET /api/Notes HTTP/1.1\r\nConnection: close\r\n\r\n"))).isEqualTo(400);
  }

  @Test
  @DisplayName("garbage pipelined after a valid request: the valid one is answered, the garbage gets a 400")
  void pipelinedGarbage() throws Exception {
    String answer = raw("GET /api/Notes/1 HTTP/1.1\r\nHost: x\r\n\r\n\u0001\u0002 garbage \u00ff\r\n\r\n");
    assertThat(status(answer)).isEqualTo(200);
    int second = answer.indexOf("HTTP/1.", 12);
    assertThat(second).as(answer).isPositive();
    assertThat(status(answer.substring(second))).isEqualTo(400);
  }

  @Test
  @DisplayName("a request line with an unknown protocol (GET / HTTPS/1.1) gets an HTTP 400, not other bytes")
  void unknownProtocol() throws Exception {
    String answer = raw("GET / HTTPS/1.1\r\nHost: x\r\n\r\n");
    assertThat(status(answer)).isEqualTo(400);
    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"statusCode\":400");
  }
}
