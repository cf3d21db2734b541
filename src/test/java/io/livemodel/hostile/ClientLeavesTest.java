package io.livemodel.hostile;

import static io.livemodel.hostile.PatternAttackTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.QueryConfig;
import io.livemodel.filter.QueryLimits;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #14 finding 1: an expensive scan stops when its client leaves, freeing its worker. */
@DisplayName("A memory-store scan stops when its client leaves")
class ClientLeavesTest {

  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.builder().bodyLimit(8L * 1024 * 1024).build();
    // One query worker and a budget far longer than the test: only the client's leaving can free the worker.
    QueryLimits.install(new QueryConfig(1000, 1000, 2, 16L * 1024 * 1024, 120_000, 1000, 1, 2));
    try (Api api = new Api(server)) {
      JsonArray records = new JsonArray();
      for (int i = 0; i < 4000; i++) {
        records.add(new JsonObject().put("pad", "x".repeat(1000)));
      }
      assertThat(api.post("/api/MyModels", records).status()).isEqualTo(200);
    }
  }

  @AfterEach
  void stop() {
    server.close();
    QueryLimits.install(QueryConfig.defaults());
  }

  @Test
  @DisplayName("after the client of a long scan disconnects, the only query worker serves the next query")
  void workerFreed() throws Exception {
    String where = enc("{\"pad\":{\"regexp\":\"x{450}y\"}}");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(("GET /api/MyModels/count?where=" + where + " HTTP/1.1\r\nHost: x\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(500);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> next = client.send(HttpRequest.newBuilder(URI.create(server.base()
            + "/api/Notes/count?where=" + enc("{\"title\":{\"regexp\":\"a\"}}"))).timeout(Duration.ofSeconds(15)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(next.body()).getInteger("count")).isZero();
  }
}
