package io.livemodel.store;

import static io.livemodel.store.StoreFixtures.MODELS;
import static io.livemodel.store.StoreFixtures.MY_MODEL;
import static io.livemodel.store.StoreFixtures.NOTE;
import static io.livemodel.store.StoreFixtures.TAG;
import static io.livemodel.store.StoreFixtures.await;
import static io.livemodel.store.StoreFixtures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.filter.Fields;
import io.livemodel.filter.Filter;
import io.livemodel.filter.Operator;
import io.livemodel.filter.OrderSpec;
import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} must have. A subclass provides a new, empty store per test
 * ({@link #createStore()}); the suite opens it on {@link StoreFixtures#MODELS} and closes it.
 */
public abstract class StoreContractTest {

  protected Vertx vertx;
  protected Store store;

  /** A new store holding no data; called once per test, after {@link #vertx} is created. */
  protected abstract Store createStore();

  @BeforeEach
  void openStore() {
    vertx = Vertx.vertx();
    store = createStore();
    await(store.open(vertx, MODELS));
  }

  @AfterEach
  void closeStore() {
    try {
      await(store.close());
    } finally {
      await(vertx.close());
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  protected JsonObject insert(ModelDefinition model, JsonObject instance) {
    return await(store.write(model, tx -> tx.insert(instance))).value();
  }

  protected List<JsonObject> all(ModelDefinition model) {
    return await(store.find(model, Filter.ALL));
  }

  protected List<Object> ids(ModelDefinition model) {
    return all(model).stream().map(i -> normalize(i.getValue(model.idName()))).collect(Collectors.toList());
  }

  /** Integral numbers as Long, so that ids compare whatever their Java type. */
  protected static Object normalize(Object id) {
    if (id instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    return id;
  }

  protected static long idOf(JsonObject instance) {
    return ((Number) instance.getValue("id")).longValue();
  }

  private static Change created(ModelDefinition model, JsonObject instance) {
    return new Change(model.name(), Change.CREATE, instance.getValue(model.idName()), null, instance, 0);
  }

  private static ApiError apiError(Throwable failure) {
    assertThat(failure).isInstanceOf(ApiError.class);
    return (ApiError) failure;
  }

  // ---- ids -----------------------------------------------------------------------------------

  @Test
  @DisplayName("insert generates number ids per model from 1, +1 per insert")
  void generatedIds() {
    assertThat(idOf(insert(MY_MODEL, new JsonObject().put("a", 1)))).isEqualTo(1);
    assertThat(idOf(insert(MY_MODEL, new JsonObject()))).isEqualTo(2);
    assertThat(idOf(insert(NOTE, new JsonObject().put("title", "x")))).isEqualTo(1);
    assertThat(idOf(insert(MY_MODEL, new JsonObject()))).isEqualTo(3);
  }

  @Test
  @DisplayName("insert returns the complete stored instance, id included")
  void insertReturnsStored() {
    JsonObject stored = insert(NOTE, new JsonObject().put("title", "alpha").put("count", 2).put("extra", true));
    assertThat(stored.getString("title")).isEqualTo("alpha");
    assertThat(stored.getInteger("count")).isEqualTo(2);
    assertThat(stored.getBoolean("extra")).isTrue();
    assertThat(idOf(stored)).isEqualTo(1);
    assertThat(await(store.findById(NOTE, 1L))).isEqualTo(stored);
  }

  @Test
  @DisplayName("an explicit id is kept, and the next generated id comes after it")
  void explicitIdMovesCounter() {
    assertThat(idOf(insert(MY_MODEL, new JsonObject().put("id", 10)))).isEqualTo(10);
    assertThat(idOf(insert(MY_MODEL, new JsonObject()))).isEqualTo(11);
    assertThat(idOf(insert(MY_MODEL, new JsonObject().put("id", 5)))).isEqualTo(5);
    assertThat(ids(MY_MODEL)).containsExactly(5L, 10L, 11L);
  }

  @Test
  @DisplayName("inserting an existing id fails with 409 'Duplicate entry for MyModel.id' and keeps the original")
  void duplicateId() {
    insert(MY_MODEL, new JsonObject().put("id", 1).put("v", "first"));
    Throwable failure = awaitFailure(store.write(MY_MODEL, tx -> tx.insert(new JsonObject().put("id", 1).put("v", "x"))));
    ApiError error = apiError(failure);
    assertThat(error.statusCode()).isEqualTo(409);
    assertThat(error.name()).isEqualTo("Error");
    assertThat(error.getMessage()).isEqualTo("Duplicate entry for MyModel.id");
    assertThat(await(store.findById(MY_MODEL, 1L)).getString("v")).isEqualTo("first");
  }

  @Test
  @DisplayName("a model whose id is not generated needs the id: missing gives 422, given is kept")
  void nonGeneratedId() {
    Throwable failure = awaitFailure(store.write(TAG, tx -> tx.insert(new JsonObject().put("label", "L"))));
    assertThat(apiError(failure).statusCode()).isEqualTo(422);
    insert(TAG, new JsonObject().put("name", "red").put("label", "Red"));
    assertThat(await(store.findById(TAG, "red")).getString("label")).isEqualTo("Red");
    assertThat(all(TAG)).hasSize(1);
  }

  @Test
  @DisplayName("deleted ids are never generated again")
  void noIdReuse() {
    insert(MY_MODEL, new JsonObject());
    insert(MY_MODEL, new JsonObject());
    assertThat(await(store.write(MY_MODEL, tx -> tx.delete(2L))).value()).isTrue();
    assertThat(idOf(insert(MY_MODEL, new JsonObject()))).isEqualTo(3);
  }

  // ---- reads ---------------------------------------------------------------------------------

  @Test
  @DisplayName("findById answers the instance, or null for an unknown id")
  void findById() {
    insert(NOTE, new JsonObject().put("title", "a"));
    assertThat(await(store.findById(NOTE, 1L)).getString("title")).isEqualTo("a");
    assertThat(await(store.findById(NOTE, 2L))).isNull();
    assertThat(await(store.findById(TAG, "nope"))).isNull();
  }

  @Test
  @DisplayName("find with Filter.ALL answers every instance in id order: numbers numerically, strings by code unit")
  void findAllInIdOrder() {
    insert(MY_MODEL, new JsonObject().put("id", 10));
    insert(MY_MODEL, new JsonObject().put("id", 2));
    insert(MY_MODEL, new JsonObject());
    assertThat(ids(MY_MODEL)).containsExactly(2L, 10L, 11L);
    for (String name : List.of("b", "a", "B")) {
      insert(TAG, new JsonObject().put("name", name));
    }
    assertThat(ids(TAG)).containsExactly("B", "a", "b");
  }

  @Test
  @DisplayName("find applies skip and limit in id order")
  void findSkipLimit() {
    for (int i = 0; i < 5; i++) {
      insert(MY_MODEL, new JsonObject());
    }
    List<JsonObject> page = await(store.find(MY_MODEL, new Filter(null, List.of(), 2, 1, null)));
    assertThat(page).extracting(StoreContractTest::idOf).containsExactly(2L, 3L);
    assertThat(await(store.find(MY_MODEL, new Filter(null, List.of(), 0, 4, null))))
        .extracting(StoreContractTest::idOf).containsExactly(5L);
    assertThat(await(store.find(MY_MODEL, new Filter(null, List.of(), 0, 9, null)))).isEmpty();
  }

  @Test
  @DisplayName("find applies fields: an inclusion list keeps only those keys, the id not added")
  void findFields() {
    insert(NOTE, new JsonObject().put("title", "a").put("count", 1));
    List<JsonObject> found = await(store.find(NOTE, new Filter(null, List.of(), 0, 0, new Fields(Set.of("title"), true))));
    assertThat(found).containsExactly(new JsonObject().put("title", "a"));
    assertThat(await(store.findById(NOTE, 1L)).getInteger("count")).isEqualTo(1);
  }

  @Test
  @DisplayName("count without a where counts every instance of the model")
  void countAll() {
    assertThat(await(store.count(NOTE, null))).isZero();
    insert(NOTE, new JsonObject().put("title", "a"));
    insert(NOTE, new JsonObject().put("title", "b"));
    insert(MY_MODEL, new JsonObject());
    assertThat(await(store.count(NOTE, null))).isEqualTo(2);
  }

  // ---- queries (need the filter engine) ------------------------------------------------------

  private void insertCounts(int... counts) {
    for (int count : counts) {
      insert(NOTE, new JsonObject().put("title", "n" + count).put("count", count));
    }
  }

  private static Where countAbove(long value) {
    return new Where.Condition("count", NOTE.property("count"), Operator.GT, value);
  }

  @Test
  @DisplayName("find applies where, then skip and limit, in id order")
  void findWhere() {
    insertCounts(5, 1, 7, 3, 9, 2);
    List<JsonObject> found = await(store.find(NOTE, new Filter(countAbove(2), List.of(), 2, 1, null)));
    assertThat(found).extracting(n -> n.getInteger("count")).containsExactly(7, 3);
    Where title = new Where.Condition("title", NOTE.property("title"), Operator.EQ, "n9");
    assertThat(await(store.find(NOTE, new Filter(title, List.of(), 0, 0, null))))
        .extracting(StoreContractTest::idOf).containsExactly(5L);
  }

  @Test
  @DisplayName("find sorts by order before skip and limit")
  void findOrder() {
    insertCounts(5, 1, 7, 3, 9, 2);
    List<JsonObject> found = await(store.find(NOTE,
        new Filter(countAbove(1), List.of(new OrderSpec("count", true)), 3, 1, null)));
    assertThat(found).extracting(n -> n.getInteger("count")).containsExactly(7, 5, 3);
  }

  @Test
  @DisplayName("count with a where counts the matching instances")
  void countWhere() {
    insertCounts(5, 1, 7, 3);
    assertThat(await(store.count(NOTE, countAbove(3)))).isEqualTo(2);
    assertThat(await(store.count(NOTE, countAbove(100)))).isZero();
  }

  @Test
  @DisplayName("a transaction's find with a where sees its own staged writes")
  void txFindWhere() {
    insertCounts(5, 1);
    List<Object> counts = await(store.write(NOTE, tx -> tx.insert(new JsonObject().put("title", "n8").put("count", 8))
        .compose(v -> tx.delete(1L))
        .compose(v -> tx.find(countAbove(0)))
        .map(found -> found.stream().map(n -> n.getValue("count")).collect(Collectors.toList())))).value();
    assertThat(counts).containsExactly(1, 8);
  }

  // ---- update and delete ---------------------------------------------------------------------

  @Test
  @DisplayName("update replaces the whole instance")
  void updateReplaces() {
    insert(NOTE, new JsonObject().put("title", "a").put("count", 1));
    await(store.write(NOTE, tx -> tx.update(1L, new JsonObject().put("title", "b").put("id", 1))));
    JsonObject found = await(store.findById(NOTE, 1L));
    assertThat(found.getString("title")).isEqualTo("b");
    assertThat(found.containsKey("count")).isFalse();
    assertThat(idOf(found)).isEqualTo(1);
  }

  @Test
  @DisplayName("update of an unknown id fails with 404 and changes nothing")
  void updateUnknown() {
    Throwable failure = awaitFailure(store.write(NOTE, tx -> tx.update(7L, new JsonObject().put("title", "b").put("id", 7))));
    assertThat(apiError(failure).statusCode()).isEqualTo(404);
    assertThat(all(NOTE)).isEmpty();
  }

  @Test
  @DisplayName("delete removes the instance and answers whether it existed")
  void delete() {
    insert(NOTE, new JsonObject().put("title", "a"));
    assertThat(await(store.write(NOTE, tx -> tx.delete(1L))).value()).isTrue();
    assertThat(await(store.write(NOTE, tx -> tx.delete(1L))).value()).isFalse();
    assertThat(await(store.findById(NOTE, 1L))).isNull();
    assertThat(await(store.count(NOTE, null))).isZero();
  }

  // ---- transactions --------------------------------------------------------------------------

  @Test
  @DisplayName("a failed transaction keeps nothing: no data, no id used up, no sequence number used up")
  void rollback() {
    insert(NOTE, new JsonObject().put("title", "one"));
    insert(NOTE, new JsonObject().put("title", "two"));
    ApiError boom = ApiError.badRequest("boom");
    Throwable failure = awaitFailure(store.write(NOTE, tx -> tx.insert(new JsonObject().put("title", "three"))
        .compose(created -> {
          tx.emit(created(NOTE, created));
          return tx.update(1L, new JsonObject().put("title", "changed").put("id", 1));
        })
        .compose(v -> tx.delete(2L))
        .compose(v -> Future.failedFuture(boom))));
    assertThat(failure).isSameAs(boom);
    assertThat(all(NOTE)).extracting(n -> n.getString("title")).containsExactly("one", "two");

    Committed<JsonObject> next = await(store.write(NOTE, tx -> tx.insert(new JsonObject().put("title", "three"))
        .map(created -> {
          tx.emit(created(NOTE, created));
          return created;
        })));
    assertThat(idOf(next.value())).isEqualTo(3);
    assertThat(next.changes()).extracting(Change::seq).containsExactly(1L);
  }

  @Test
  @DisplayName("a transaction whose work throws fails, and keeps nothing")
  void workThrows() {
    IllegalStateException boom = new IllegalStateException("boom");
    Throwable failure = awaitFailure(store.write(MY_MODEL, tx -> {
      tx.insert(new JsonObject());
      throw boom;
    }));
    assertThat(failure).isSameAs(boom);
    assertThat(all(MY_MODEL)).isEmpty();
    assertThat(idOf(insert(MY_MODEL, new JsonObject()))).isEqualTo(1);
  }

  @Test
  @DisplayName("reads inside a transaction see its writes, and nobody else does before the commit")
  void readsInsideTransaction() {
    for (int i = 0; i < 3; i++) {
      insert(NOTE, new JsonObject().put("title", "n" + (i + 1)));
    }
    List<Object> seen = new ArrayList<>();
    await(store.write(NOTE, tx -> tx.insert(new JsonObject().put("title", "n4"))
        .compose(v -> tx.delete(2L))
        .compose(v -> tx.update(3L, new JsonObject().put("title", "changed").put("id", 3)))
        .compose(v -> tx.findById(4L)).map(found -> seen.add(found.getString("title")))
        .compose(v -> tx.findById(2L)).map(seen::add)
        .compose(v -> tx.find(null)).map(found -> seen.add(found.stream()
            .map(n -> n.getString("title")).collect(Collectors.toList())))
        .compose(v -> store.findById(NOTE, 4L)).map(seen::add)
        .compose(v -> store.findById(NOTE, 3L)).map(outside -> seen.add(outside.getString("title")))));
    assertThat(seen).containsExactly("n4", null, List.of("n1", "changed", "n4"), null, "n3");
    assertThat(all(NOTE)).extracting(n -> n.getString("title")).containsExactly("n1", "changed", "n4");
  }

  @Test
  @DisplayName("Committed carries the work's value and its changes with the model's next sequence numbers")
  void sequences() {
    Committed<String> first = await(store.write(NOTE, tx -> tx.insert(new JsonObject().put("title", "a"))
        .compose(a -> {
          tx.emit(created(NOTE, a));
          return tx.insert(new JsonObject().put("title", "b"));
        })
        .map(b -> {
          tx.emit(created(NOTE, b));
          return "done";
        })));
    assertThat(first.value()).isEqualTo("done");
    assertThat(first.changes()).extracting(Change::seq).containsExactly(1L, 2L);
    assertThat(first.changes()).extracting(c -> normalize(c.target())).containsExactly(1L, 2L);
    assertThat(first.changes()).extracting(Change::type).containsOnly(Change.CREATE);

    Committed<Boolean> removal = await(store.write(NOTE, tx -> tx.delete(1L).map(existed -> {
      tx.emit(new Change("Note", Change.REMOVE, 1L, new JsonObject().put("id", 1L), null, 0));
      return existed;
    })));
    assertThat(removal.changes()).extracting(Change::seq).containsExactly(3L);
    assertThat(removal.changes().get(0).where()).isEqualTo(new JsonObject().put("id", 1L));

    Committed<JsonObject> other = await(store.write(MY_MODEL, tx -> tx.insert(new JsonObject()).map(m -> {
      tx.emit(created(MY_MODEL, m));
      return m;
    })));
    assertThat(other.changes()).extracting(Change::seq).containsExactly(1L);
  }

  @Test
  @DisplayName("a transaction that emits nothing commits with no changes and uses no sequence number")
  void noChanges() {
    Committed<List<JsonObject>> read = await(store.write(NOTE, tx -> tx.find(null)));
    assertThat(read.value()).isEmpty();
    assertThat(read.changes()).isEmpty();
    Committed<JsonObject> next = await(store.write(NOTE, tx -> tx.insert(new JsonObject().put("title", "a")).map(a -> {
      tx.emit(created(NOTE, a));
      return a;
    })));
    assertThat(next.changes()).extracting(Change::seq).containsExactly(1L);
  }

  @Test
  @DisplayName("concurrent writes run one at a time, even when their work is asynchronous, and get distinct consecutive ids and sequences")
  void serializedWrites() {
    int writers = 40;
    AtomicInteger active = new AtomicInteger();
    AtomicInteger maxActive = new AtomicInteger();
    Function<WriteTx, Future<JsonObject>> work = tx -> {
      maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
      return tx.insert(new JsonObject())
          .compose(created -> vertx.timer(1).map(created))
          .map(created -> {
            tx.emit(created(MY_MODEL, created));
            active.decrementAndGet();
            return created;
          });
    };
    List<Future<Committed<JsonObject>>> futures = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      futures.add(vertx.<Future<Committed<JsonObject>>>executeBlocking(
          () -> store.write(MY_MODEL, work)).compose(f -> f));
    }
    List<Committed<JsonObject>> results = futures.stream().map(StoreFixtures::await).collect(Collectors.toList());
    assertThat(maxActive.get()).isEqualTo(1);
    long[] expected = LongStream.rangeClosed(1, writers).toArray();
    assertThat(results.stream().mapToLong(c -> idOf(c.value())).sorted().toArray()).containsExactly(expected);
    assertThat(results.stream().mapToLong(c -> c.changes().get(0).seq()).sorted().toArray()).containsExactly(expected);
    for (Committed<JsonObject> result : results) {
      assertThat(result.changes().get(0).seq()).as("serialized: the n-th transaction gets id n and sequence n")
          .isEqualTo(idOf(result.value()));
    }
    assertThat(all(MY_MODEL)).hasSize(writers);
  }
}
