package io.livemodel.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.Api;
import io.livemodel.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue #14 finding 9: both stores refuse lone surrogates alike, and keep valid pairs exactly. */
@DisplayName("Lone UTF-16 surrogates are refused with 422 on both stores; valid pairs are stored exactly")
class LoneSurrogateTest {

  static Stream<Arguments> stores() {
    Supplier<TestServer> memory = TestServer::start;
    Supplier<TestServer> postgres = () -> PgServers.builder().build();
    return Stream.of(Arguments.of("memory", memory), Arguments.of("postgres", postgres));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  @DisplayName("in values, names and nested data, on create, patch and replace")
  void refused(String store, Supplier<TestServer> start) {
    try (TestServer server = start.get(); Api api = new Api(server)) {
      assertThat(api.call(HttpMethod.POST, "/api/MyModels", (Object) "{\"a\":\"ok\"}").status()).isEqualTo(200);
      for (String body : new String[] {"{\"a\":\"\\ud800x\"}", "{\"a\":\"x\\udc00\"}", "{\"\\ud800\":1}",
          "{\"a\":{\"b\":[\"\\udbff\"]}}", "{\"a\":\"\\udc00\\ud800\"}"}) {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT}) {
          String path = method == HttpMethod.POST ? "/api/MyModels" : "/api/MyModels/1";
          Api.Response r = api.call(method, path, (Object) body);
          assertThat(r.status()).as(method + " " + body + ": " + r.body()).isEqualTo(422);
          assertThat(r.error().getJsonObject("details").encode()).contains("unicode");
        }
      }
      assertThat(api.get("/api/MyModels/1").json().getString("a")).isEqualTo("ok");
      assertThat(api.get("/api/MyModels/count").json().getInteger("count")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  @DisplayName("in where values and property paths, a 400")
  void refusedInWhere(String store, Supplier<TestServer> start) {
    try (TestServer server = start.get(); Api api = new Api(server)) {
      for (String where : new String[] {"{\"a\":\"\\ud800x\"}", "{\"a\":{\"inq\":[\"ok\",\"\\udc00\"]}}",
          "{\"a\":{\"regexp\":\"\\ud800\"}}", "{\"\\ud800\":1}", "{\"a\":{\"like\":\"x\\udbff\"}}"}) {
        Api.Response r = api.get("/api/MyModels/count?where=" + PatternAttackTest.enc(where));
        assertThat(r.status()).as(where + ": " + r.body()).isEqualTo(400);
      }
      assertThat(api.get("/api/MyModels/count?where=" + PatternAttackTest.enc("{\"a\":\"\\ud83d\\ude00\"}")).status())
          .isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  @DisplayName("a valid surrogate pair is answered and stored exactly")
  void validPairs(String store, Supplier<TestServer> start) {
    try (TestServer server = start.get(); Api api = new Api(server)) {
      Api.Response created = api.call(HttpMethod.POST, "/api/MyModels", (Object) "{\"a\":\"\\ud83d\\ude00x\"}");
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.json().getString("a")).isEqualTo("\uD83D\uDE00x");
      assertThat(api.get("/api/MyModels/1").json().getString("a")).isEqualTo("\uD83D\uDE00x");
    }
  }
}
