package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The app folder and token option {@code scripts/bench auth} uses, run small against a real node: the
 * guarded model refuses the generator without a token and streams everything to it with one, so the
 * benchmark's "authenticated" figures are of streams that really went through access control.
 */
@DisplayName("Load generator on a stream behind $authenticated")
class AuthStreamBenchSmokeTest {

  static final Path BENCH_APP = Path.of("src/test/resources/bench-app");

  private TestServer server;
  private Vertx generator;

  @BeforeEach
  void start() {
    server = TestServer.builder().models(BENCH_APP).build();
    generator = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  }

  @AfterEach
  void stop() {
    generator.close().await();
    server.close();
  }

  private StreamOptions guarded(int subscribers, double rate, double seconds) {
    return new StreamOptions(List.of(server.base()), "GuardedItems", subscribers, rate, seconds, 0, 2, List.of(),
        8, 8, "guarded");
  }

  @Test
  @DisplayName("with a token from a real login: every write accepted and delivered to every subscriber")
  void withToken() throws Exception {
    String token;
    try (Api api = new Api(server)) {
      JsonObject credentials = new JsonObject().put("email", "bench@example.com").put("password", "bench-secret");
      assertThat(api.post("/api/Members", credentials).status()).isEqualTo(200);
      Api.Response login = api.post("/api/Members/login", credentials);
      assertThat(login.status()).isEqualTo(200);
      token = login.json().getString("id");
    }

    JsonObject result = new StreamBench(generator, guarded(4, 40, 0.5).withAccessToken(token)).run();

    assertThat(result.getInteger("connectFailures")).isZero();
    assertThat(result.getJsonObject("writes").getLong("ok")).isEqualTo(20);
    assertThat(result.getLong("deliveries")).isEqualTo(80);
    assertThat(result.getLong("lost")).isZero();
  }

  @Test
  @DisplayName("without a token: every stream refused and every write rejected")
  void withoutToken() throws Exception {
    JsonObject result = new StreamBench(generator, guarded(3, 20, 0.25)).run();

    assertThat(result.getInteger("connectFailures")).isEqualTo(3);
    assertThat(result.getJsonObject("writes").getLong("ok")).isZero();
    assertThat(result.getJsonObject("writes").getLong("failed")).isEqualTo(5);
  }

  @Test
  @DisplayName("the token goes in the query of both paths, encoded, after any query already there")
  void tokenInPaths() {
    StreamOptions options = StreamOptions.of(List.of("http://127.0.0.1:1"), 1, 1, 1).withAccessToken("a+b/c");

    assertThat(options.streamPath()).isEqualTo("/api/MyModels/change-stream?_format=event-stream&access_token=a%2Bb%2Fc");
    assertThat(options.writePath()).isEqualTo("/api/MyModels?access_token=a%2Bb%2Fc");
    assertThat(StreamOptions.of(List.of("http://127.0.0.1:1"), 1, 1, 1).writePath()).isEqualTo("/api/MyModels");
  }
}
