package io.livemodel.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.SseClient;
import io.livemodel.testing.SseEvent;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 finding 10: PostgreSQL answers, its change log's replays and the memory store's answers and
 * events give every object's keys in the order written (jsonb sorts them: a row keeps the text as written
 * in {@code src} where jsonb would lose the order), while queries keep running on jsonb.
 */
@DisplayName("PostgreSQL keeps the key order of what was written, nested objects too, as the memory store does")
class PgKeyOrderTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  /** What one store answers and streams for the same writes, as raw text. */
  private List<String> scenario(TestServer server) {
    Api api = keep(new Api(server));
    SseClient stream = keep(SseClient.open(server.vertx, server.base() + "/api/MyModels/change-stream?_format=event-stream"));
    List<String> seen = new ArrayList<>();
    seen.add(api.post("/api/MyModels", new JsonObject("{\"zz\":1,\"b\":2,\"nested\":{\"z\":1,\"a\":2},"
        + "\"list\":[{\"z\":1,\"a\":2}]}")).body());
    seen.add(api.post("/api/MyModels", new JsonObject("{\"a\":1,\"bb\":{\"a\":1,\"z\":2}}")).body());  // jsonb's order
    seen.add(api.get("/api/MyModels/1").body());
    seen.add(api.put("/api/MyModels/1", new JsonObject("{\"y\":{\"b\":{\"d\":1,\"c\":2},\"a\":0},\"k\":[{\"z\":1,\"a\":2}]}")).body());
    seen.add(api.get("/api/MyModels/1").body());
    // LoopBack's patch replaces a nested object as a whole (a shallow merge): no key of the old "y" is left
    seen.add(api.patch("/api/MyModels/1", new JsonObject("{\"y\":{\"q\":1,\"p\":2},\"new\":true}")).body());
    seen.add(api.get("/api/MyModels/1").body());
    seen.add(api.get("/api/MyModels?filter=" + enc("{\"where\":{\"y.p\":2}}")).body());
    seen.add(api.get("/api/MyModels/findOne?filter=" + enc("{\"where\":{\"k.z\":1},\"fields\":{\"k\":true,\"y\":true}}")).body());
    seen.add(api.get("/api/MyModels").body());
    for (SseEvent event : stream.next(4)) {
      seen.add(event.data());
    }
    // a resuming client's replay, read from the change log
    SseClient replay = keep(SseClient.open(server.vertx, server.base() + "/api/MyModels/change-stream?_format=event-stream",
        "Last-Event-ID", "0"));
    for (SseEvent event : replay.next(4)) {
      seen.add(event.data());
    }
    return seen;
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("create, replace, patch, findById, find, findOne, events and replays: the same text on both stores, keys as written")
  void sameAsMemory() {
    List<String> memory = scenario(keep(TestServer.start()));
    List<String> postgres = scenario(keep(PgServers.builder().build()));
    assertThat(postgres).containsExactlyElementsOf(memory);
    // and the order is the one written (memory keeps it): not jsonb's a-before-z
    assertThat(memory.get(2)).isEqualTo("{\"id\":1,\"zz\":1,\"b\":2,\"nested\":{\"z\":1,\"a\":2},\"list\":[{\"z\":1,\"a\":2}]}");
    assertThat(memory.get(6)).isEqualTo("{\"id\":1,\"y\":{\"q\":1,\"p\":2},\"k\":[{\"z\":1,\"a\":2}],\"new\":true}");
    assertThat(memory.get(7)).startsWith("[{\"id\":1,\"y\":{\"q\":1,\"p\":2}");
  }

  @Test
  @DisplayName("a table of an older version (no src column) is migrated at start; its rows read in jsonb's order, new writes keep theirs; a src left stale by an older node is not used")
  void olderTables() {
    String schema = TestPostgres.freshSchema();
    TestServer first = PgServers.builder(schema).onClose(() -> { }).build();
    try (Api api = new Api(first)) {
      api.post("/api/MyModels", new JsonObject("{\"nested\":{\"z\":1,\"a\":2}}"));
    }
    first.close();
    sql(schema, "ALTER TABLE %s.\"MyModel\" DROP COLUMN src", "ALTER TABLE %s.livemodel_changes DROP COLUMN src",
        "INSERT INTO %s.\"MyModel\" (id, doc) VALUES (2, '{\"id\":2,\"nested\":{\"z\":1,\"a\":2}}')",
        "UPDATE %s.livemodel_models SET last_id = 2 WHERE model = 'MyModel'");

    TestServer second = keep(PgServers.builder(schema).build());
    Api api = keep(new Api(second));
    assertThat(api.get("/api/MyModels/2").body()).as("an older row: jsonb's order").isEqualTo("{\"id\":2,\"nested\":{\"a\":2,\"z\":1}}");
    assertThat(api.post("/api/MyModels", new JsonObject("{\"nested\":{\"z\":1,\"a\":2}}")).body())
        .isEqualTo("{\"id\":3,\"nested\":{\"z\":1,\"a\":2}}");
    assertThat(api.get("/api/MyModels/3").body()).isEqualTo("{\"id\":3,\"nested\":{\"z\":1,\"a\":2}}");
    // an older node updates doc only: the stale src no longer matches and is ignored
    sql(schema, "UPDATE %s.\"MyModel\" SET doc = jsonb_set(doc, '{nested,z}', '5') WHERE id = 3");
    assertThat(api.get("/api/MyModels/3").body()).isEqualTo("{\"id\":3,\"nested\":{\"a\":2,\"z\":5}}");
  }

  @Test
  @DisplayName("the order a row is checked against is jsonb's own: shorter keys first, then by UTF-8 bytes")
  void jsonbKeyOrder() {
    List<String> keys = new ArrayList<>(List.of("z", "a", "é", "ä", "😀", "zz", "Z", "aa", "b_", "b", "", "ab", "\u00ff"));
    JsonObject object = new JsonObject();
    keys.forEach(key -> object.put(key, 1));
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    Pool pool = TestPostgres.adminPool(vertx);
    try {
      List<String> fromPostgres = new ArrayList<>();
      pool.preparedQuery("SELECT jsonb_object_keys($1::text::jsonb)").execute(io.vertx.sqlclient.Tuple.of(object.encode()))
          .await().forEach(row -> fromPostgres.add(row.getString(0)));
      keys.sort(Documents.JSONB_KEY_ORDER);
      assertThat(keys).containsExactlyElementsOf(fromPostgres);
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }

  private static void sql(String schema, String... statements) {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    Pool pool = TestPostgres.adminPool(vertx);
    try {
      for (String statement : statements) {
        pool.query(statement.replace("%s", PgSchema.quote(schema))).execute().await();
      }
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }
}
