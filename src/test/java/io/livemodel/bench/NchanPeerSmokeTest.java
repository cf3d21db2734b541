package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generator against a real Nchan, started as {@code scripts/bench --peer nchan} starts it
 * (../shared/bench/nchan/start.sh). Skipped where nginx with Nchan is not installed
 * ({@code scripts/bench} installs it). No timing targets: it must count what happened.
 */
@DisplayName("Load generator smoke run against Nchan")
class NchanPeerSmokeTest {

  private static final Path START = Path.of("..", "shared", "bench", "nchan", "start.sh");

  @Test
  @DisplayName("5 subscribers and 20 writes over Nchan's routes: every delivery measured once, none lost, in order")
  void nchanSmoke() throws Exception {
    assertThat(Files.isExecutable(START) && Files.exists(Path.of("/usr/lib/nginx/modules/ngx_nchan_module.so")))
        .as("nginx with Nchan (Debian nginx-light, libnginx-mod-nchan: .ci/run installs them) and " + START)
        .isTrue();
    int port = TestServer.freePort();
    Process nginx = new ProcessBuilder(START.toString(), Integer.toString(port)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Vertx generator = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    try {
      String base = "http://127.0.0.1:" + port;
      awaitAnswer(base + "/api/MyModels/count");
      List<String> workers = nginx.children().map(p -> Long.toString(p.pid())).toList();
      StreamOptions options = StreamOptions.of(List.of(base), 5, 40, 0.5).withWarmup(0.25)
          .withServerPids(workers).withProtocol(Protocol.NCHAN);

      JsonObject result = new StreamBench(generator, options).run();

      assertThat(result.getString("protocol")).isEqualTo("nchan");
      assertThat(result.getJsonObject("writes").getLong("ok")).isEqualTo(20);
      assertThat(result.getInteger("connectFailures")).isZero();
      assertThat(result.getLong("deliveries")).isEqualTo(100);
      assertThat(result.getLong("lost")).isZero();
      assertThat(result.getLong("duplicates")).isZero();
      assertThat(result.getLong("orderViolations")).isZero();
      assertThat(result.getLong("otherEvents")).isZero();
      assertThat(workers).isNotEmpty();
      assertThat(result.getJsonObject("server").getBoolean("readable")).isTrue();
    } finally {
      generator.close().await();
      nginx.destroy();
      nginx.waitFor();
    }
  }

  private static void awaitAnswer(String url) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("nginx did not answer 200 at " + url);
      }
      Thread.sleep(100);
    }
  }
}
