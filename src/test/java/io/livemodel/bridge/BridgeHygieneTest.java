package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #14 finding 10: client-triggered bridge faults are 4xx or error frames, never SEVERE log lines. */
@DisplayName("Bridge clients cannot make the server log SEVERE")
class BridgeHygieneTest {

  private final List<LogRecord> severe = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
        synchronized (severe) {
          severe.add(record);
        }
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private TestServer server;

  @BeforeEach
  void start() {
    Logger.getLogger("").addHandler(capture);
    server = TestServer.start();
  }

  @AfterEach
  void stop() {
    try (Api api = new Api(server)) {
      assertThat(api.get("/api/Notes").status()).isEqualTo(200);
    }
    server.close();
    Logger.getLogger("").removeHandler(capture);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    // A fresh HTTP/1.1 client per call: SockJS routes do not survive an h2c upgrade of a POST (the JDK
    // client tries one by default), and SockJS may close a connection the client would reuse.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("xhr_send of [null] is a 400 and logs nothing SEVERE")
  void nullMessage() throws Exception {
    assertThat(post("/eventbus/000/s1/xhr", "").body()).isEqualTo("o\n");
    assertThat(post("/eventbus/000/s1/xhr_send", "[null]").statusCode()).isEqualTo(400);
    assertThat(post("/eventbus/000/s1/xhr_send", "[1,{}]").statusCode()).isEqualTo(400);
    assertThat(post("/eventbus/000/s1/xhr_send", "[\"{\\\"type\\\":\\\"ping\\\"}\"]").statusCode()).isEqualTo(204);
    Thread.sleep(200);
    synchronized (severe) {
      assertThat(severe).extracting(LogRecord::getMessage).isEmpty();
    }
  }

  @Test
  @DisplayName("frames of an unknown type get an error frame each, and no SEVERE log line")
  void unknownFrameTypes() throws Exception {
    assertThat(post("/eventbus/000/s2/xhr", "").body()).isEqualTo("o\n");
    for (int i = 0; i < 50; i++) {
      assertThat(post("/eventbus/000/s2/xhr_send", "[\"{\\\"type\\\":\\\"foo\\\",\\\"address\\\":\\\"x\\\"}\"]")
          .statusCode()).isEqualTo(204);
    }
    assertThat(post("/eventbus/000/s2/xhr", "").body()).contains("invalid_type");
    synchronized (severe) {
      assertThat(severe).extracting(LogRecord::getMessage).isEmpty();
    }
  }
}
