package io.livemodel.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.filter.Fields;
import io.livemodel.filter.Filter;
import io.livemodel.filter.Operator;
import io.livemodel.filter.OrderSpec;
import io.livemodel.filter.RegexpValue;
import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Hostile input never reaches SQL text: data stays intact and no SQL error leaks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgInjectionTest extends PgStoreTestBase {

  private static final String LONG = randomText(100_000);

  static Stream<String> hostile() {
    return Stream.of(
        "'; DROP TABLE \"Note\"; --",
        "\" OR 1=1 --",
        "x'||(SELECT pg_sleep(5))||'",
        "/* */ OR /* */ true",
        "$1 $$ $tag$ \\' \\\\",
        "doc\"}'::jsonb; DELETE FROM livemodel_models; --",
        "{title}",
        "a.b..c.",
        "ü 😀 \u2028 \r\n \t",
        "\u0000 nul",
        LONG);
  }

  @BeforeAll
  void data() {
    openStore();
    insert(note, new JsonObject().put("title", "keep me").put("count", 1));
    insert(tag, new JsonObject().put("code", "t1").put("label", "keep"));
  }

  @AfterAll
  void tearDown() {
    closeStore();
  }

  @AfterEach
  void dataIntact() {
    assertThat(store.findById(note, 1L).await()).isEqualTo(new JsonObject().put("title", "keep me").put("count", 1)
        .put("id", 1L));
    assertThat(store.count(tag, null).await()).isGreaterThanOrEqualTo(1L);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  @DisplayName("as a property name in where, order and fields")
  void propertyNames(String name) {
    Where where = new Where.Condition(name, null, Operator.EQ, "keep me");
    expectEmptyOr400(() -> store.find(note, new Filter(where, List.of(), 0, 0, null)));
    expectEmptyOr400(() -> store.find(note, new Filter(new Where.Condition(name, null, Operator.GT, 1L),
        List.of(), 0, 0, null)));
    expectAllOr400(() -> store.find(note, new Filter(null, List.of(new OrderSpec(name, true)), 0, 0, null)));
    expectSafe(() -> store.find(note, new Filter(null, List.of(), 0, 0, new Fields(Set.of(name), true))));
    expectSafe(() -> store.count(note, where).map(List::of));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  @DisplayName("as a value of every operator")
  void values(String value) {
    for (Operator op : Operator.values()) {
      Object operand = switch (op) {
        case BETWEEN, INQ, NIN -> List.of(value, value);
        case REGEXP -> new RegexpValue(value, "i");
        default -> value;
      };
      expectSafe(() -> store.find(note, new Filter(new Where.Condition("title", note.property("title"), op, operand),
          List.of(), 0, 0, null)));
    }
  }

  @ParameterizedTest
  @MethodSource("hostile")
  @DisplayName("as an id: lookups find nothing, a string id is stored as given or refused with 400")
  void ids(String id) {
    expectSafe(() -> store.findById(note, id).map(found -> {
      assertThat(found).isNull();
      return List.of();
    }));
    expectSafe(() -> store.write(tag, tx -> tx.delete(id)).map(c -> List.of()));
    JsonObject instance = new JsonObject().put("code", id).put("label", id);
    Future<?> inserted = store.write(tag, tx -> tx.insert(instance));
    try {
      inserted.await();
      assertThat(store.findById(tag, id).await()).isEqualTo(instance);
      assertThat(store.write(tag, tx -> tx.delete(id)).await().value()).isTrue();
    } catch (ApiError e) {
      assertThat(e.statusCode()).isEqualTo(400);
      assertNoSqlIn(e);
    }
  }

  @Test
  @DisplayName("as keys and values of a stored instance, which come back unchanged")
  void storedDocuments() {
    JsonObject doc = new JsonObject();
    hostile().filter(s -> s.indexOf('\0') < 0).forEach(s -> doc.put(s.length() > 100 ? "long" : s, s));
    JsonObject stored = insert(myModel, doc).get(0);
    JsonObject found = store.findById(myModel, stored.getLong("id")).await();
    assertThat(found).isEqualTo(stored);
    Where where = new Where.Condition("'; DROP TABLE \"Note\"; --", null, Operator.EQ, "'; DROP TABLE \"Note\"; --");
    assertThat(store.find(myModel, new Filter(where, List.of(), 0, 0, null)).await()).containsExactly(stored);
    Where longValue = new Where.Condition("long", null, Operator.EQ, LONG);
    assertThat(store.count(myModel, longValue).await()).isEqualTo(1L);
  }

  @Test
  @DisplayName("a NUL character in a stored value is refused with 400")
  void nulInDocument() {
    try {
      insert(myModel, new JsonObject().put("v", "a\u0000b"));
      throw new AssertionError("expected a 400");
    } catch (ApiError e) {
      assertThat(e.statusCode()).isEqualTo(400);
      assertNoSqlIn(e);
    }
  }

  private void expectEmptyOr400(Supplier<Future<List<JsonObject>>> call) {
    List<JsonObject> result = expectSafe(call);
    if (result != null) {
      assertThat(result).isEmpty();
    }
  }

  private void expectAllOr400(Supplier<Future<List<JsonObject>>> call) {
    List<JsonObject> result = expectSafe(call);
    if (result != null) {
      assertThat(result).hasSize(1);
    }
  }

  /** The result, or null after checking the failure is a 400 ApiError without SQL details. */
  private static <T> List<T> expectSafe(Supplier<Future<List<T>>> call) {
    try {
      return call.get().await();
    } catch (ApiError e) {
      assertThat(e.statusCode()).isEqualTo(400);
      assertNoSqlIn(e);
      return null;
    }
  }

  private static void assertNoSqlIn(ApiError e) {
    assertThat(e.toJson().encode()).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("syntax")
        .doesNotContain("doc").doesNotContain("$1").doesNotContainIgnoringCase("relation");
  }

  private static String randomText(int length) {
    StringBuilder out = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (out.length() < length) {
      out.appendCodePoint(random.nextInt(0x20, 0x2FF));
    }
    return out.toString();
  }
}
