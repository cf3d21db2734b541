package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sends real HTTP requests to a server whose handler answers what {@link TokenExtractor} found. */
@DisplayName("TokenExtractor reads the token where LoopBack's token middleware does")
class TokenExtractorTest {

  private static final String TOKEN = TokenIds.generate();
  private static final String OTHER = TokenIds.generate();

  private static Vertx vertx;
  private static HttpServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(req -> req.response().end(String.valueOf(TokenExtractor.extract(req))))
        .listen(0, "127.0.0.1").await();
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() {
    client.close().await();
    server.close().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("the access_token query parameter")
  void queryParameter() {
    assertThat(found("/api/Notes?access_token=" + TOKEN)).isEqualTo(TOKEN);
    assertThat(found("/api/Notes/change-stream?x=1&access_token=" + TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  @DisplayName("the Authorization header, bare")
  void bareAuthorization() {
    assertThat(found("/", "Authorization", TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  @DisplayName("Authorization: Bearer <token>, and LoopBack's default Bearer <base64(token)>")
  void bearer() {
    assertThat(found("/", "Authorization", "Bearer " + TOKEN)).isEqualTo(TOKEN);
    assertThat(found("/", "Authorization", "Bearer " + base64(TOKEN))).isEqualTo(TOKEN);
    assertThat(found("/", "Authorization", "bearer " + TOKEN)).as("LoopBack's Bearer is case-sensitive: the whole value")
        .isEqualTo("null");
  }

  @Test
  @DisplayName("Authorization: Basic with the token as user, as password, or alone (the longer part wins)")
  void basic() {
    assertThat(found("/", "Authorization", "Basic " + base64(TOKEN))).isEqualTo(TOKEN);
    assertThat(found("/", "Authorization", "Basic " + base64(TOKEN + ":"))).isEqualTo(TOKEN);
    assertThat(found("/", "Authorization", "Basic " + base64("username:" + TOKEN))).isEqualTo(TOKEN);
    assertThat(found("/", "Authorization", "basic " + base64(TOKEN + ":password"))).isEqualTo(TOKEN);
  }

  @Test
  @DisplayName("the X-Access-Token header")
  void customHeader() {
    assertThat(found("/", "X-Access-Token", TOKEN)).isEqualTo(TOKEN);
    assertThat(found("/", "x-access-token", TOKEN)).as("header names ignore case").isEqualTo(TOKEN);
  }

  @Test
  @DisplayName("precedence: query parameter, then X-Access-Token, then Authorization")
  void precedence() {
    assertThat(found("/?access_token=" + TOKEN, "X-Access-Token", OTHER, "Authorization", OTHER)).isEqualTo(TOKEN);
    assertThat(found("/", "X-Access-Token", TOKEN, "Authorization", OTHER)).isEqualTo(TOKEN);
    assertThat(found("/", "X-Access-Token", "", "Authorization", TOKEN)).as("an empty header is skipped")
        .isEqualTo(TOKEN);
  }

  @Test
  @DisplayName("the first place holding a value decides, even when the value is no token")
  void firstValueDecides() {
    assertThat(found("/?access_token=", "Authorization", TOKEN)).isEqualTo("null");
    assertThat(found("/", "X-Access-Token", "garbage!", "Authorization", TOKEN)).isEqualTo("null");
    assertThat(found("/?access_token=" + OTHER + "&access_token=" + OTHER, "Authorization", TOKEN))
        .as("a repeated query parameter is skipped, as LoopBack skips the array qs makes").isEqualTo(TOKEN);
  }

  @Test
  @DisplayName("forged, overlong and garbage values are no token, and never an error")
  void garbage() {
    assertThat(found("/", "Authorization", "x".repeat(129))).isEqualTo("null");
    assertThat(found("/", "Authorization", "Bearer " + "A".repeat(5000))).isEqualTo("null");
    assertThat(found("/", "Authorization", "Basic !!!not-base64!!!")).isEqualTo("null");
    assertThat(found("/", "Authorization", "Basic " + base64("\u0000\u00ff:\u2603"))).isEqualTo("null");
    assertThat(found("/?access_token=%27%20OR%201%3D1--")).isEqualTo("null");
    assertThat(found("/?access_token=%ZZ")).as("a malformed escape").isEqualTo("null");
    assertThat(found("/", "X-Access-Token", "{\"$ne\":null}")).isEqualTo("null");
    assertThat(found("/")).isEqualTo("null");
  }

  private static String found(String uri, String... headers) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(server.actualPort()).setURI(uri);
    for (int i = 0; i < headers.length; i += 2) {
      options.addHeader(headers[i], headers[i + 1]);
    }
    return client.request(options)
        .compose(req -> req.send().compose(resp -> {
          assertThat(resp.statusCode()).isEqualTo(200);
          return resp.body();
        }))
        .await().toString();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
