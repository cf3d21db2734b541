package io.livemodel.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.filter.Filter;
import io.livemodel.filter.Operator;
import io.livemodel.filter.RegexpValue;
import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.store.Committed;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PgStore under timeouts and outages")
class PgFailureTest extends PgStoreTestBase {

  @BeforeEach
  void setUp() {
    openStore();
  }

  @AfterEach
  void tearDown() {
    closeStore();
  }

  @Test
  @DisplayName("a statement over the timeout fails with 503 STORE_TIMEOUT")
  void statementTimeoutDirect() {
    PgStore quick = reopen(Duration.ofMillis(200));
    Future<?> slow = quick.pool().query("SELECT pg_sleep(3)").execute().recover(PgErrors::fail);
    long start = System.nanoTime();
    assertThatThrownBy(slow::await).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.code()).isEqualTo("STORE_TIMEOUT");
      assertThat(e.toJson().getJsonObject("error").getString("message")).contains("statement timeout");
    });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    quick.close().await();
  }

  @Test
  @DisplayName("an expensive pattern on a large table fails with 503 QUERY_TOO_EXPENSIVE, then the store works on")
  void statementTimeoutThroughFind() {
    Pool admin = TestPostgres.adminPool(vertx);
    admin.query("INSERT INTO " + PgSchema.quote(schema) + ".\"MyModel\" (id, doc) SELECT g, jsonb_build_object('id', g,"
        + " 'v', repeat(md5(g::text), 20)) FROM generate_series(1, 100000) g").execute().await();
    admin.close().await();
    PgStore quick = reopen(Duration.ofMillis(20));
    Where costly = new Where.Condition("v", null, Operator.REGEXP, new RegexpValue("(a|b|c|d)+[0-9]{3}x$", "i"));
    assertThatThrownBy(() -> quick.find(myModel, new Filter(costly, List.of(), 0, 0, null)).await())
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("QUERY_TOO_EXPENSIVE"));
    assertThat(quick.findById(myModel, 7L).await().getLong("id")).isEqualTo(7L);
    quick.close().await();
  }

  @Test
  @DisplayName("a writer waiting on another writer of the same model longer than the timeout gets 503")
  void lockWaitTimesOut() {
    PgStore quick = reopen(Duration.ofMillis(300));
    Promise<Void> release = Promise.promise();
    Promise<Throwable> secondOutcome = Promise.promise();
    Future<Committed<JsonObject>> first = quick.write(note, tx -> tx.insert(new JsonObject().put("title", "a"))
        .compose(s -> release.future().map(s)));
    vertx.setTimer(200, t -> quick.write(note, tx -> tx.insert(new JsonObject().put("title", "b")))
        .onComplete(r -> {
          secondOutcome.complete(r.cause());
          release.complete();
        }));
    assertThat(secondOutcome.future().await()).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.code()).isEqualTo("STORE_TIMEOUT");
    });
    assertThat(first.await().value().getLong("id")).isEqualTo(1L);
    assertThat(quick.count(note, null).await()).isEqualTo(1L);
    quick.close().await();
  }

  @Test
  @DisplayName("after its connections are killed the store fails fast with 503 or succeeds, then recovers by itself")
  void outage() {
    insert(note, new JsonObject().put("title", "a"));
    assertThat(killConnections()).isPositive();
    int failures = 0;
    for (int attempt = 0; attempt < 5; attempt++) {
      long start = System.nanoTime();
      try {
        assertThat(store.findById(note, 1L).await().getString("title")).isEqualTo("a");
      } catch (ApiError e) {
        failures++;
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("STORE_UNAVAILABLE");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
    assertThat(failures).isLessThan(5);
    assertThat(insert(note, new JsonObject().put("title", "b")).get(0).getLong("id")).isEqualTo(2L);
  }

  @Test
  @DisplayName("a connection killed in the middle of a write fails it with 503 and keeps nothing of it")
  void killedMidWrite() {
    Future<Committed<JsonObject>> write = store.write(note, tx -> tx.insert(new JsonObject().put("title", "lost"))
        .compose(s -> killConnectionsAsync())
        .compose(killed -> {
          assertThat(killed).isPositive();
          return tx.insert(new JsonObject().put("title", "lost too"));
        }));
    assertThatThrownBy(write::await).isInstanceOfSatisfying(ApiError.class,
        e -> assertThat(e.code()).isEqualTo("STORE_UNAVAILABLE"));
    assertThat(store.count(note, null).await()).isZero();
    assertThat(insert(note, new JsonObject().put("title", "kept")).get(0).getLong("id")).isEqualTo(1L);
  }

  @Test
  @DisplayName("an unreachable database fails open fast with 503 STORE_UNAVAILABLE")
  void unreachable() {
    PgStore nowhere = new PgStore(new PgStoreOptions("postgresql://postgres@127.0.0.1:1/test", 2,
        Duration.ofSeconds(5), schema));
    long start = System.nanoTime();
    assertThatThrownBy(() -> nowhere.open(vertx, List.of(note)).await()).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.code()).isEqualTo("STORE_UNAVAILABLE");
    });
    assertThatThrownBy(() -> nowhere.count(note, null).await()).isInstanceOf(ApiError.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    nowhere.close().await();
  }

  private PgStore reopen(Duration statementTimeout) {
    PgStore other = newStore(statementTimeout);
    other.open(vertx, List.of(note, myModel, tag)).await();
    return other;
  }

  private int killConnections() {
    return killConnectionsAsync().await();
  }

  /** Terminates the store's backends; the number of backends that were terminated. */
  private Future<Integer> killConnectionsAsync() {
    Pool admin = TestPostgres.adminPool(vertx);
    return admin.preparedQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1")
        .execute(Tuple.of(store.applicationName()))
        .map(rows -> rows.size())
        .eventually(admin::close);
  }
}
