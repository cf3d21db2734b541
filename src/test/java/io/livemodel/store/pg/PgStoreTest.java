package io.livemodel.store.pg;

import io.livemodel.config.Retention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.filter.Filter;
import io.livemodel.filter.Operator;
import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.Committed;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PgStore keeps instances, ids and changes in PostgreSQL")
class PgStoreTest extends PgStoreTestBase {

  @BeforeEach
  void setUp() {
    openStore();
  }

  @AfterEach
  void tearDown() {
    closeStore();
  }

  @Test
  @DisplayName("generated ids start at 1 per model and the stored instance is returned with its id")
  void generatedIds() {
    List<JsonObject> notes = insert(note, new JsonObject().put("title", "a"), new JsonObject().put("title", "b"));
    List<JsonObject> others = insert(myModel, new JsonObject().put("x", 1));
    assertThat(notes).extracting(n -> n.getLong("id")).containsExactly(1L, 2L);
    assertThat(others.get(0).getLong("id")).isEqualTo(1L);
    assertThat(store.findById(note, 2L).await()).isEqualTo(new JsonObject().put("title", "b").put("id", 2L));
  }

  @Test
  @DisplayName("instances come back in canonical key order: declared properties, then the others")
  void keyOrder() {
    insert(note, new JsonObject().put("zeta", 1).put("count", 3).put("title", "t").put("alpha", true));
    JsonObject found = store.findById(note, 1L).await();
    assertThat(new ArrayList<>(found.fieldNames())).startsWith("title", "count", "id").contains("zeta", "alpha");
  }

  @Test
  @DisplayName("ids are never reused: not after delete, not after a failed transaction")
  void idsNeverReused() {
    insert(note, new JsonObject().put("title", "a"));
    store.write(note, tx -> tx.delete(1L)).await();
    Future<Committed<Object>> failed = store.write(note, tx -> tx.insert(new JsonObject().put("title", "x"))
        .compose(s -> Future.failedFuture(ApiError.badRequest("boom"))));
    assertThatThrownBy(failed::await).isInstanceOf(ApiError.class).hasMessage("boom");
    assertThat(insert(note, new JsonObject().put("title", "b")).get(0).getLong("id")).isEqualTo(2L);
    assertThat(store.count(note, null).await()).isEqualTo(1L);
  }

  @Test
  @DisplayName("an explicit numeric id moves the counter past it")
  void explicitIdAdvancesCounter() {
    insert(note, new JsonObject().put("title", "a").put("id", 10L));
    assertThat(insert(note, new JsonObject().put("title", "b")).get(0).getLong("id")).isEqualTo(11L);
  }

  @Test
  @DisplayName("a duplicate id fails with 409 and leaves the transaction usable")
  void duplicateId() {
    insert(note, new JsonObject().put("title", "a").put("id", 1L));
    Committed<String> committed = store.write(note, tx -> tx.insert(new JsonObject().put("title", "b").put("id", 1L))
        .map("inserted")
        .recover(e -> tx.insert(new JsonObject().put("title", "c")).map(s -> ((ApiError) e).statusCode() + " "
            + e.getMessage()))).await();
    assertThat(committed.value()).isEqualTo("409 Duplicate entry for Note.id");
    assertThat(store.count(note, null).await()).isEqualTo(2L);
  }

  @Test
  @DisplayName("string ids must be supplied (422) and are stored as given")
  void stringIds() {
    assertThatThrownBy(() -> insert(tag, new JsonObject().put("label", "x")))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.statusCode()).isEqualTo(422));
    insert(tag, new JsonObject().put("code", "b").put("label", "B"), new JsonObject().put("code", "A").put("label", "a"));
    assertThat(store.find(tag, Filter.ALL).await()).extracting(t -> t.getString("code")).containsExactly("A", "b");
    assertThat(store.findById(tag, "b").await().getString("label")).isEqualTo("B");
    assertThat(store.findById(note, "not-a-number").await()).isNull();
  }

  @Test
  @DisplayName("update replaces the whole instance; delete says whether it existed")
  void updateAndDelete() {
    insert(note, new JsonObject().put("title", "a").put("count", 1));
    store.write(note, tx -> tx.update(1L, new JsonObject().put("title", "b").put("id", 1L))).await();
    assertThat(store.findById(note, 1L).await()).isEqualTo(new JsonObject().put("title", "b").put("id", 1L));
    assertThat(store.write(note, tx -> tx.delete(1L)).await().value()).isTrue();
    assertThat(store.write(note, tx -> tx.delete(1L)).await().value()).isFalse();
    assertThat(store.findById(note, 1L).await()).isNull();
  }

  @Test
  @DisplayName("reads inside a transaction see its own writes; others see them only after commit")
  void readYourWrites() {
    Committed<List<JsonObject>> committed = store.write(note, tx -> tx.insert(new JsonObject().put("title", "a"))
        .compose(s -> store.count(note, null).compose(outside -> {
          assertThat(outside).isZero();
          return tx.find(new Where.Condition("title", note.property("title"), Operator.EQ, "a"));
        }))).await();
    assertThat(committed.value()).hasSize(1);
    assertThat(store.count(note, null).await()).isEqualTo(1L);
  }

  @Test
  @DisplayName("a failed work rolls back its writes, its changes and its ids")
  void rollback() {
    insert(note, new JsonObject().put("title", "keep"));
    Future<Committed<Void>> failed = store.write(note, tx -> {
      tx.emit(new Change("Note", Change.REMOVE, 1L, null, null, 0));
      return tx.delete(1L).compose(d -> tx.insert(new JsonObject().put("title", "x")))
          .compose(s -> Future.failedFuture(new IllegalStateException("work failed")));
    });
    assertThatThrownBy(failed::await).isInstanceOf(IllegalStateException.class);
    assertThat(store.findById(note, 1L).await()).isNotNull();
    Committed<JsonObject> next = store.write(note, tx -> tx.insert(new JsonObject().put("title", "y")).map(s -> {
      tx.emit(new Change("Note", Change.CREATE, s.getLong("id"), null, s, 0));
      return s;
    })).await();
    assertThat(next.value().getLong("id")).isEqualTo(2L);
    assertThat(next.changes()).extracting(Change::seq).containsExactly(2L);
  }

  @Test
  @DisplayName("changes get consecutive per-model sequence numbers and are logged in the transaction")
  void changeLog() {
    insert(note, new JsonObject().put("title", "a"), new JsonObject().put("title", "b"));
    Committed<Void> committed = store.write(note, tx -> {
      tx.emit(new Change("Note", Change.REMOVE, 1L, new JsonObject().put("id", 1L), null, 0));
      return tx.delete(1L).<Void>mapEmpty();
    }).await();
    assertThat(committed.changes()).extracting(Change::seq).containsExactly(3L);
    Pool admin = TestPostgres.adminPool(vertx);
    List<JsonObject> log = admin.query("SELECT seq, change FROM " + PgSchema.quote(schema) + ".livemodel_changes ORDER BY seq")
        .execute().await().stream().map(r -> new JsonObject().put("seq", r.getLong(0)).put("change", r.getJsonObject(1))).collect(Collectors.toList());
    admin.close().await();
    assertThat(log).containsExactly(
        entry(1, new JsonObject().put("target", 1).put("data", new JsonObject().put("title", "a").put("id", 1)).put("type", "create")),
        entry(2, new JsonObject().put("target", 2).put("data", new JsonObject().put("title", "b").put("id", 2)).put("type", "create")),
        entry(3, new JsonObject().put("target", 1).put("where", new JsonObject().put("id", 1)).put("type", "remove")));
  }

  private static JsonObject entry(long seq, JsonObject change) {
    return new JsonObject().put("seq", seq).put("change", change);
  }

  @Test
  @DisplayName("concurrent writers of one model are serialized: distinct consecutive ids and sequences")
  void concurrentWrites() {
    List<Future<Committed<JsonObject>>> writes = IntStream.range(0, 20).mapToObj(i -> store.write(note, tx ->
        tx.insert(new JsonObject().put("title", "t" + i)).map(s -> {
          tx.emit(new Change("Note", Change.CREATE, s.getLong("id"), null, s, 0));
          return s;
        }))).collect(Collectors.toList());
    List<Committed<JsonObject>> done = writes.stream().map(f -> f.await()).collect(Collectors.toList());
    assertThat(done).extracting(c -> c.value().getLong("id")).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 20).mapToObj(Long::valueOf).collect(Collectors.toList()));
    assertThat(done).extracting(c -> c.changes().get(0).seq()).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 20).mapToObj(Long::valueOf).collect(Collectors.toList()));
    assertThat(done).allSatisfy(c -> assertThat(c.changes().get(0).seq()).isEqualTo(c.value().getLong("id")));
  }

  @Test
  @DisplayName("opening is idempotent, keeps data, and several stores may open the schema at once")
  void reopen() {
    insert(note, new JsonObject().put("title", "a"));
    List<PgStore> stores = IntStream.range(0, 3).mapToObj(i -> newStore(Duration.ofSeconds(5))).collect(Collectors.toList());
    List<Future<Void>> opens = stores.stream().map(s -> s.open(vertx, List.of(note, myModel, tag))).collect(Collectors.toList());
    opens.forEach(f -> f.await());
    assertThat(stores.get(2).find(note, Filter.ALL).await()).hasSize(1);
    assertThat(insert(note, new JsonObject().put("title", "b")).get(0).getLong("id")).isEqualTo(2L);
    stores.forEach(s -> s.close().await());
  }

  @Test
  @DisplayName("a closed store answers 503 STORE_UNAVAILABLE")
  void closed() {
    PgStore other = newStore(Duration.ofSeconds(5));
    other.open(vertx, List.of(note)).await();
    other.close().await();
    assertThatThrownBy(() -> other.find(note, Filter.ALL).await()).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.code()).isEqualTo("STORE_UNAVAILABLE");
    });
  }

  @Test
  @DisplayName("changesAfter pages the logged changes in sequence order, with the retained bounds")
  void changesAfter() {
    insert(note, new JsonObject().put("title", "a"), new JsonObject().put("title", "b"), new JsonObject().put("title", "c"));
    ChangeLog.Page page = store.changesAfter(note, 1, 1).await();
    assertThat(page.changes()).extracting(Change::seq).containsExactly(2L);
    assertThat(page.changes().get(0).toJson()).isEqualTo(new JsonObject().put("target", 2L)
        .put("data", new JsonObject().put("title", "b").put("id", 2L)).put("type", "create"));
    assertThat(page.oldestSeq()).isEqualTo(1L);
    assertThat(page.latestSeq()).isEqualTo(3L);
    assertThat(store.latestSeq(note).await()).isEqualTo(3L);
    assertThat(store.latestSeq(myModel).await()).isZero();
    assertThat(store.changesAfter(note, 3, 10).await().changes()).isEmpty();
  }

  @Test
  @DisplayName("retention keeps at most maxChanges per model, trimmed in the write's transaction")
  void retention() {
    PgStore small = new PgStore(new PgStoreOptions(TestPostgres.url(), 2, Duration.ofSeconds(5), schema),
        new Retention(2, 0));
    small.open(vertx, List.of(note)).await();
    for (int i = 0; i < 5; i++) {
      int n = i;
      small.write(note, tx -> tx.insert(new JsonObject().put("title", "t" + n)).map(s -> {
        tx.emit(new Change("Note", Change.CREATE, s.getLong("id"), null, s, 0));
        return s;
      })).await();
    }
    ChangeLog.Page page = small.changesAfter(note, 0, 100).await();
    assertThat(page.changes()).extracting(Change::seq).containsExactly(4L, 5L);
    assertThat(page.expiredAfter(0)).isTrue();
    assertThat(page.expiredAfter(3)).isFalse();
    small.close().await();
  }

  @Test
  @DisplayName("a statement a work issues after its transaction ended fails instead of running outside it")
  void strayStatements() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> store.write(myModel, tx -> {
      tx.insert(new JsonObject().put("x", 1));
      throw boom;
    }).await()).isSameAs(boom);
    vertx.timer(300).await();
    assertThat(store.count(myModel, null).await()).isZero();
  }
}
