package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.LiveModelServer;
import io.livemodel.cluster.Node;
import io.livemodel.config.CorsConfig;
import io.livemodel.config.ServerConfig;
import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CORS over real HTTP, as a scaffolded LoopBack 3 app answers (lb-apps/acl-app's recording, item 12
 * of its README): the defaults, an allow-list, credentials off, and CORS off.
 */
@DisplayName("CORS: LoopBack's scaffolded cors middleware (origin echoed, credentials, preflights)")
class CorsTest {

  private static final String ORIGIN = "http://client.example";

  /** A node started from the test servers' config with other CORS settings (TestServer takes no CorsConfig). */
  private record Served(Vertx vertx, LiveModelServer server, Api api) implements AutoCloseable {
    static Served with(CorsConfig cors) {
      ServerConfig config = TestServer.builder().config().withCors(cors);
      Vertx vertx = Vertx.vertx();
      try {
        LiveModelServer server = LiveModelServer.start(Node.standalone(vertx), config).await();
        return new Served(vertx, server, new Api(vertx, "http://127.0.0.1:" + server.port()));
      } catch (RuntimeException e) {
        vertx.close().await();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        api.close();
        server.stop().await();
      } finally {
        vertx.close().await();
      }
    }
  }

  @Test
  @DisplayName("with an allow-list, a listed Origin is echoed and another gets no Allow-Origin (not refused, as the cors middleware)")
  void allowList() {
    try (Served s = Served.with(new CorsConfig(true, List.of("https://app.example"), true, 600))) {
      Api.Response listed = s.api().get("/api/MyModels", "Origin", "https://app.example");
      assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
      Api.Response other = s.api().get("/api/MyModels", "Origin", ORIGIN);
      assertThat(other.status()).isEqualTo(200);
      assertThat(other.header("Access-Control-Allow-Origin")).isNull();
      assertThat(other.header("Vary")).isEqualTo("Origin");
      Api.Response preflight = s.api().call(HttpMethod.OPTIONS, "/api/MyModels", (Object) null, "Origin", ORIGIN);
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
      assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
      Api.Response bridge = s.api().get("/eventbus/info", "Origin", ORIGIN);
      assertThat(bridge.header("Access-Control-Allow-Origin")).as("SockJS would echo any origin").isNull();
    }
  }

  @Test
  @DisplayName("credentials off: no Allow-Credentials anywhere, the bridge included")
  void credentialsOff() {
    try (Served s = Served.with(new CorsConfig(true, List.of(), false, 86400))) {
      for (String path : List.of("/api/MyModels", "/eventbus/info")) {
        Api.Response r = s.api().get(path, "Origin", ORIGIN);
        assertThat(r.header("Access-Control-Allow-Origin")).as(path).isEqualTo(ORIGIN);
        assertThat(r.header("Access-Control-Allow-Credentials")).as(path).isNull();
      }
    }
  }

  @Test
  @DisplayName("CORS off: no CORS header on the REST API, and OPTIONS is not a preflight (404 as any unknown route)")
  void off() {
    try (Served s = Served.with(new CorsConfig(false, List.of(), true, 86400))) {
      Api.Response r = s.api().get("/api/MyModels", "Origin", ORIGIN);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Access-Control-Allow-Origin")).isNull();
      assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
      assertThat(r.header("Vary")).isNull();
      Api.Response options = s.api().call(HttpMethod.OPTIONS, "/api/MyModels", (Object) null, "Origin", ORIGIN);
      assertThat(options.status()).isEqualTo(404);
      assertThat(options.header("Access-Control-Allow-Methods")).isNull();
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("with the defaults (any origin, credentials, max-age 86400)")
  class Defaults {
    TestServer server;
    Api api;

    @BeforeAll
    void start() {
      server = TestServer.start();
      api = new Api(server);
    }

    @AfterAll
    void stop() {
      api.close();
      server.close();
    }

    @Test
    @DisplayName("a preflight is 204 with the methods, the requested headers echoed, max-age and Vary, and no body")
    void preflight() {
      Api.Response r = api.call(HttpMethod.OPTIONS, "/api/MyModels", (Object) null, "Origin", ORIGIN,
          "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");
      assertThat(r.status()).isEqualTo(204);
      assertThat(r.body()).isEmpty();
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
      assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET,HEAD,PUT,PATCH,POST,DELETE");
      assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("content-type,authorization");
      assertThat(r.header("Access-Control-Max-Age")).isEqualTo("86400");
      assertThat(r.header("Vary")).isEqualTo("Origin, Access-Control-Request-Headers");
      assertThat(r.header("Content-Type")).isNull();
    }

    @Test
    @DisplayName("OPTIONS without Origin, on an unknown model or outside /api is still a 204 preflight, without Allow-Origin when no Origin came")
    void preflightWithoutOriginOrRoute() {
      Api.Response noOrigin = api.call(HttpMethod.OPTIONS, "/api/MyModels", (Object) null);
      assertThat(noOrigin.status()).isEqualTo(204);
      assertThat(noOrigin.header("Access-Control-Allow-Origin")).isNull();
      assertThat(noOrigin.header("Access-Control-Allow-Headers")).isNull();
      assertThat(noOrigin.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      for (String path : List.of("/api/Nope", "/nope", "/api/MyModels/change-stream", "/eventbus/info")) {
        Api.Response r = api.call(HttpMethod.OPTIONS, path, (Object) null, "Origin", ORIGIN,
            "Access-Control-Request-Method", "GET");
        assertThat(r.status()).as(path).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).as(path).isEqualTo(ORIGIN);
        assertThat(r.header("Access-Control-Allow-Methods")).as(path).isEqualTo("GET,HEAD,PUT,PATCH,POST,DELETE");
      }
    }

    @Test
    @DisplayName("answers and errors echo the Origin, with credentials and Vary: Origin; without Origin no Allow-Origin, the rest stays")
    void everyAnswer() {
      Api.Response created = api.post("/api/MyModels", new JsonObject().put("a", 1), "Origin", ORIGIN);
      Api.Response notFound = api.get("/api/MyModels/999", "Origin", ORIGIN);
      Api.Response unknownRoute = api.get("/nope", "Origin", ORIGIN);
      Api.Response badInput = api.get("/api/MyModels?filter={bad", "Origin", ORIGIN);
      Api.Response tooLarge = api.post("/api/MyModels", "{\"a\":\"" + "x".repeat(1_100_000) + "\"}", "Origin", ORIGIN);
      for (Api.Response r : List.of(created, notFound, unknownRoute, badInput, tooLarge)) {
        assertThat(r.header("Access-Control-Allow-Origin")).as(r.toString()).isEqualTo(ORIGIN);
        assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(r.header("Vary")).isEqualTo("Origin");
        assertThat(r.header("Access-Control-Allow-Methods")).isNull();
      }
      assertThat(List.of(created.status(), notFound.status(), unknownRoute.status(), badInput.status(), tooLarge.status()))
          .containsExactly(200, 404, 404, 400, 413);
      Api.Response plain = api.get("/api/MyModels");
      assertThat(plain.header("Access-Control-Allow-Origin")).isNull();
      assertThat(plain.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(plain.header("Vary")).isEqualTo("Origin");
    }

    @Test
    @DisplayName("a change stream's head carries the CORS headers")
    void changeStream() {
      try (SseClient sse = SseClient.open(server.vertx, server.base() + "/api/MyModels/change-stream", "Origin", ORIGIN)) {
        assertThat(sse.status()).isEqualTo(200);
        assertThat(sse.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(sse.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(sse.header("Vary")).isEqualTo("Origin");
      }
    }

    @Test
    @DisplayName("the SockJS bridge's answers carry these settings, not SockJS's own (no '*' without an Origin)")
    void bridge() {
      Api.Response info = api.get("/eventbus/info", "Origin", ORIGIN);
      assertThat(info.status()).isEqualTo(200);
      assertThat(info.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
      assertThat(info.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(info.headers().getAll("Access-Control-Allow-Origin")).hasSize(1);
      Api.Response noOrigin = api.get("/eventbus/info");
      assertThat(noOrigin.header("Access-Control-Allow-Origin")).isNull();
      assertThat(noOrigin.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(noOrigin.header("Vary")).contains("Origin");
    }
  }
}
