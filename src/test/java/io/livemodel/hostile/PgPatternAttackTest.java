package io.livemodel.hostile;

import static io.livemodel.hostile.PatternAttackTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.QueryConfig;
import io.livemodel.filter.QueryLimits;
import io.livemodel.store.pg.PgServers;
import io.livemodel.testing.Api;
import io.livemodel.testing.Attackers;
import io.livemodel.testing.Probe;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #14 findings 1, 2 and 5 (statement timeout) on PostgreSQL. */
@DisplayName("Hostile patterns cannot hold the PostgreSQL pool (PostgreSQL store)")
class PgPatternAttackTest {

  private static final int RECORDS = 500;
  private static final String PAD = "x".repeat(1000);

  private TestServer server;
  private Api api;

  @BeforeEach
  void start() {
    server = PgServers.builder().bodyLimit(8L * 1024 * 1024).build();
    QueryLimits.install(new QueryConfig(1000, 1000, 2, 16L * 1024 * 1024, 300, 100, 2));
    api = new Api(server);
    JsonArray records = new JsonArray();
    for (int i = 0; i < RECORDS; i++) {
      records.add(new JsonObject().put("pad", PAD).put("n", i));
    }
    assertThat(api.post("/api/MyModels", records).status()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    assertThat(api.get("/api/MyModels/count").json().getLong("count")).isEqualTo(RECORDS);
    assertThat(api.get("/api/MyModels/1").json().getString("pad")).isEqualTo(PAD);
    api.close();
    server.close();
    QueryLimits.install(QueryConfig.defaults());
  }

  @Test
  @DisplayName("the issue's (a{200}){200} is refused with 400 before reaching the database")
  void refusedBeforeTheDatabase() {
    Api.Response r = api.get("/api/MyModels/count?where=" + enc("{\"pad\":{\"regexp\":\"(a{200}){200}\"}}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error().getString("message")).contains("query.maxPatternSize");
  }

  @Test
  @DisplayName("pattern reads in a loop hold connections only for the short pattern timeout; a probe is served")
  void patternLoop() {
    Probe probe = Probe.start(server.base() + "/api/MyModels/1");
    String url = server.base() + "/api/MyModels/count?where=";
    // Three attackers: two within the per-client share of pattern queries, one beyond it (429s). The attackers run
    // in this JVM, on the server's two cores: more threads spinning on 429s would measure the test, not the server.
    Map<Integer, Integer> statuses = Attackers.run(3, Duration.ofSeconds(3), i ->
        Attackers.get(url + enc("{\"pad\":{\"regexp\":\"(x|xx){2,60}y" + (i % 50) + "\"}}")));
    Probe.Result seen = probe.stop();
    assertThat(statuses.keySet()).isSubsetOf(200, 429, 503);
    assertThat(seen.p99()).as("probe p99 (ms) of %s", seen.millis()).isLessThan(1000);
    assertThat(seen.failures()).isZero();
  }
}
