package io.livemodel.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.filter.Fields;
import io.livemodel.filter.Filter;
import io.livemodel.filter.Operator;
import io.livemodel.filter.OrderSpec;
import io.livemodel.filter.RegexpValue;
import io.livemodel.filter.Where;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Filters compiled to SQL select what the memory connector selects")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgQueryTest extends PgStoreTestBase {

  private static final ModelDefinition NOTE = PgFixtures.note();
  private static final ModelDefinition MY = PgFixtures.myModel();

  @AfterAll
  void tearDown() {
    closeStore();
  }

  @BeforeAll
  void data() {
    openStore();
    insert(note,
        new JsonObject().put("title", "alpha").put("count", 1).put("done", true).put("when", "2020-01-01T00:00:00.000Z")
            .put("tags", new JsonArray().add("x").add("y")).put("meta", new JsonObject().put("a", 1).put("b", "q")),
        new JsonObject().put("title", "Beta").put("count", 5).put("done", false).put("when", "2021-06-15T12:00:00.000Z")
            .put("tags", new JsonArray().add("y")).put("meta", new JsonObject().put("a", 2)),
        new JsonObject().put("title", "gamma").put("count", 10).put("when", "2022-01-01T00:00:00.000Z")
            .put("tags", new JsonArray()).put("meta", new JsonObject().putNull("a")),
        new JsonObject().put("title", "al.ha"),
        new JsonObject().put("title", "Ünïcode ☃ 😀").put("count", 2.5).put("done", true)
            .put("meta", new JsonObject().put("items", new JsonArray().add(new JsonObject().put("name", "n1"))
                .add(new JsonObject().put("name", "n2")))),
        new JsonObject().put("title", "multi\nline").put("count", -3));
    insert(myModel,
        new JsonObject().put("v", 3), new JsonObject().put("v", "3"), new JsonObject().put("v", "abc"),
        new JsonObject().putNull("v"), new JsonObject(), new JsonObject().put("v", new JsonArray().add(1).add("x")),
        new JsonObject().put("v", true), new JsonObject().put("v", 3.0));
  }

  static Where.Condition n(String path, Operator op, Object value) {
    return new Where.Condition(path, NOTE.property(path.split("\\.")[0]), op, value);
  }

  static Where.Condition m(String path, Operator op, Object value) {
    return new Where.Condition(path, null, op, value);
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }

  static Arguments row(String description, Where where, Integer... ids) {
    return Arguments.of(description, where, List.of(ids));
  }

  static Stream<Arguments> noteCases() {
    return Stream.of(
        row("eq string", n("title", Operator.EQ, "alpha"), 1),
        row("eq is case-sensitive", n("title", Operator.EQ, "beta")),
        row("eq number", n("count", Operator.EQ, 5L), 2),
        row("eq fractional number", n("count", Operator.EQ, 2.5), 5),
        row("eq boolean", n("done", Operator.EQ, true), 1, 5),
        row("eq false", n("done", Operator.EQ, false), 2),
        row("eq date as instant", n("when", Operator.EQ, t("2020-01-01T00:00:00Z")), 1),
        row("eq on array matches any element", n("tags", Operator.EQ, "y"), 1, 2),
        row("eq null matches missing", n("count", Operator.EQ, null), 4),
        row("eq null never matches an array", n("tags", Operator.EQ, null), 4, 5, 6),
        row("dotted path", n("meta.a", Operator.EQ, 1L), 1),
        row("dotted path null matches missing or null", n("meta.a", Operator.EQ, null), 3, 4, 5, 6),
        row("dotted path through an array of objects", n("meta.items.name", Operator.EQ, "n2"), 5),
        row("neq matches missing values", n("count", Operator.NEQ, 5L), 1, 3, 4, 5, 6),
        row("neq on arrays: any element differs, or empty", n("tags", Operator.NEQ, "y"), 1, 3, 4, 5, 6),
        row("gt number", n("count", Operator.GT, 2L), 2, 3, 5),
        row("gte number", n("count", Operator.GTE, 5L), 2, 3),
        row("lt number", n("count", Operator.LT, 2L), 1, 6),
        row("lte number", n("count", Operator.LTE, 1L), 1, 6),
        row("between is inclusive", n("count", Operator.BETWEEN, List.of(1L, 5L)), 1, 2, 5),
        row("gt string by code unit", n("title", Operator.GT, "alpha"), 3, 5, 6),
        row("lt string: upper case sorts first", n("title", Operator.LT, "a"), 2),
        row("gt date", n("when", Operator.GT, t("2020-06-01T00:00:00Z")), 2, 3),
        row("between dates", n("when", Operator.BETWEEN, List.of(t("2020-01-01T00:00:00Z"), t("2021-06-15T12:00:00Z"))), 1, 2),
        row("inq numbers", n("count", Operator.INQ, List.of(1L, 10L)), 1, 3),
        row("inq strings", n("title", Operator.INQ, List.of("Beta", "nope")), 2),
        row("nin matches missing", n("count", Operator.NIN, List.of(1L, 10L)), 2, 4, 5, 6),
        row("like is an unanchored substring match", n("title", Operator.LIKE, "lph"), 1),
        row("like _ is one character", n("title", Operator.LIKE, "l_ha"), 1, 4),
        row("like treats regex characters literally", n("title", Operator.LIKE, "al.ha"), 4),
        row("like % matches everything", n("title", Operator.LIKE, "%"), 1, 2, 3, 4, 5, 6),
        row("like _ does not match a newline", n("title", Operator.LIKE, "i_l")),
        row("like tests String(value): a missing value is \"undefined\"", n("count", Operator.LIKE, "defin"), 4),
        row("regexp never matches a missing value", n("count", Operator.REGEXP, new RegexpValue("defin", ""))),
        row("ilike", n("title", Operator.ILIKE, "BETA"), 2),
        row("ilike beyond ASCII", n("title", Operator.ILIKE, "ü"), 5),
        row("nlike excludes every title containing it", n("title", Operator.NLIKE, "a"), 5, 6),
        row("nilike", n("title", Operator.NILIKE, "A%"), 5, 6),
        row("regexp anchored", n("title", Operator.REGEXP, new RegexpValue("^al", "")), 1, 4),
        row("regexp with i flag", n("title", Operator.REGEXP, new RegexpValue("^b", "i")), 2),
        row("regexp dot is any character", n("title", Operator.REGEXP, new RegexpValue("l.ha", "")), 1, 4),
        row("regexp dot does not match a newline", n("title", Operator.REGEXP, new RegexpValue("i.l", ""))),
        row("regexp \\b is a word boundary", n("title", Operator.REGEXP, new RegexpValue("\\bBeta\\b", "")), 2),
        row("regexp \\d", n("title", Operator.REGEXP, new RegexpValue("\\d", ""))),
        row("regexp m flag", n("title", Operator.REGEXP, new RegexpValue("^line", "m")), 6),
        row("regexp without m flag", n("title", Operator.REGEXP, new RegexpValue("^line", ""))),
        row("regexp {} literal", n("title", Operator.REGEXP, new RegexpValue("a{x}", ""))),
        row("regexp quantifier", n("title", Operator.REGEXP, new RegexpValue("m{2}", "")), 3),
        row("or", new Where.Or(List.of(n("title", Operator.EQ, "alpha"), n("count", Operator.GT, 5L))), 1, 3),
        row("and", new Where.And(List.of(n("done", Operator.EQ, true), n("count", Operator.GT, 2L))), 5),
        row("nested and/or", new Where.And(List.of(new Where.Or(List.of(n("count", Operator.LT, 0L),
            n("count", Operator.GT, 5L))), n("title", Operator.NEQ, "gamma"))), 6),
        row("empty and matches all", new Where.And(List.of()), 1, 2, 3, 4, 5, 6),
        row("empty or matches nothing", new Where.Or(List.of())),
        row("NONE matches nothing", n("title", Operator.NONE, "alpha")));
  }

  static Stream<Arguments> untypedCases() {
    return Stream.of(
        row("untyped 3 equals \"3\" and 3.0", m("v", Operator.EQ, 3L), 1, 2, 8),
        row("untyped \"3\" equals 3", m("v", Operator.EQ, "3"), 1, 2, 8),
        row("untyped true", m("v", Operator.EQ, true), 7),
        row("untyped null", m("v", Operator.EQ, null), 4, 5),
        row("untyped array element", m("v", Operator.EQ, "x"), 6),
        row("untyped neq", m("v", Operator.NEQ, 3L), 3, 4, 5, 6, 7),
        row("untyped gt number converts numeric strings", m("v", Operator.GT, 2L), 1, 2, 8),
        row("untyped gt string", m("v", Operator.GT, "2"), 1, 2, 3, 6, 8),
        row("untyped inq", m("v", Operator.INQ, List.of(3L, "abc")), 1, 2, 3, 8),
        row("untyped inq: a hex string equals its Number()", m("v", Operator.INQ, List.of("0x3")), 1, 8),
        row("untyped like sees numbers as text", m("v", Operator.LIKE, "3"), 1, 2, 8),
        row("untyped regexp only tests strings", m("v", Operator.REGEXP, new RegexpValue("^a", "")), 3),
        row("unknown property", m("nope", Operator.EQ, 1L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noteCases")
  @DisplayName("Note (typed properties):")
  void typed(String description, Where where, List<Integer> expected) {
    assertIds(note, where, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untypedCases")
  @DisplayName("MyModel (untyped properties):")
  void untyped(String description, Where where, List<Integer> expected) {
    assertIds(myModel, where, expected);
  }

  private void assertIds(ModelDefinition model, Where where, List<Integer> expected) {
    List<Long> ids = store.find(model, new Filter(where, List.of(), 0, 0, null)).await().stream()
        .map(i -> i.getLong("id")).collect(Collectors.toList());
    assertThat(ids).containsExactlyElementsOf(expected.stream().map(Long::valueOf).collect(Collectors.toList()));
    assertThat(store.count(model, where).await()).isEqualTo(expected.size());
  }

  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of("count", false, List.of(4, 6, 1, 5, 2, 3)),
        Arguments.of("count", true, List.of(3, 2, 5, 1, 6, 4)),
        Arguments.of("title", false, List.of(2, 4, 1, 3, 6, 5)),
        Arguments.of("done", false, List.of(3, 4, 6, 2, 1, 5)),
        Arguments.of("done", true, List.of(1, 5, 2, 3, 4, 6)),
        Arguments.of("when", true, List.of(3, 2, 1, 4, 5, 6)),
        Arguments.of("meta.a", false, List.of(4, 5, 6, 3, 1, 2)));
  }

  @ParameterizedTest(name = "order {0} descending={1}")
  @MethodSource("orders")
  @DisplayName("order: missing first ascending, last descending, null as 0, ties in id order")
  void order(String property, boolean descending, List<Integer> expected) {
    List<Long> ids = store.find(note, new Filter(null, List.of(new OrderSpec(property, descending)), 0, 0, null))
        .await().stream().map(i -> i.getLong("id")).collect(Collectors.toList());
    assertThat(ids).containsExactlyElementsOf(expected.stream().map(Long::valueOf).collect(Collectors.toList()));
  }

  @Test
  @DisplayName("several order keys, then limit and skip")
  void orderLimitSkip() {
    Filter filter = new Filter(null, List.of(new OrderSpec("done", true), new OrderSpec("count", true)), 2, 1, null);
    assertThat(store.find(note, filter).await()).extracting(i -> i.getLong("id")).containsExactly(1L, 2L);
    Filter past = new Filter(null, List.of(), 5, 100, null);
    assertThat(store.find(note, past).await()).isEmpty();
  }

  @Test
  @DisplayName("fields include drops the id; exclude keeps the rest")
  void fields() {
    Filter include = new Filter(n("title", Operator.EQ, "alpha"), List.of(), 0, 0, new Fields(Set.of("title"), true));
    assertThat(store.find(note, include).await()).containsExactly(new JsonObject().put("title", "alpha"));
    Filter exclude = new Filter(n("title", Operator.EQ, "Beta"), List.of(), 0, 0,
        new Fields(Set.of("meta", "tags", "when", "done"), false));
    assertThat(store.find(note, exclude).await()).containsExactly(
        new JsonObject().put("title", "Beta").put("count", 5).put("id", 2L));
    assertThat(Arrays.asList(store.find(note, exclude).await().get(0).fieldNames().toArray()))
        .containsExactly("title", "count", "id");
  }
}
