package io.livemodel.filter;

import static io.livemodel.filter.TestModels.MY_MODEL;
import static io.livemodel.filter.TestModels.NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Filter.apply runs a find as the memory connector does")
class FilterEvaluatorTest {

  /** In id order, as a store hands them over. */
  private static final List<JsonObject> NOTES = List.of(
      new JsonObject("{\"title\":\"alpha\",\"count\":5,\"when\":\"2020-03-01T00:00:00.000Z\",\"id\":1}"),
      new JsonObject("{\"title\":\"Beta\",\"count\":1,\"when\":\"2019-03-01T00:00:00.000Z\",\"id\":2}"),
      new JsonObject("{\"title\":\"gamma\",\"id\":3}"),
      new JsonObject("{\"title\":\"alpha\",\"count\":null,\"when\":\"2021-03-01T00:00:00.000Z\",\"id\":4}"),
      new JsonObject("{\"title\":\"beta\",\"count\":5,\"meta\":{\"rank\":2},\"id\":5}"));

  private static List<Integer> ids(String filterJson) {
    Filter filter = FilterParser.parse(filterJson, NOTE);
    return filter.apply(NOTES).stream().map(o -> o.getInteger("id")).toList();
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "{}|1 2 3 4 5",
      "{\"order\":\"title\"}|2 1 4 5 3",
      "{\"order\":\"title DESC\"}|3 5 1 4 2",
      "{\"order\":\"count\"}|3 4 2 1 5",
      "{\"order\":\"count DESC\"}|1 5 2 4 3",
      "{\"order\":[\"count DESC\",\"title\"]}|1 5 2 4 3",
      "{\"order\":\"count DESC, title DESC\"}|5 1 2 4 3",
      "{\"order\":\"when\"}|3 5 2 1 4",
      "{\"order\":\"when DESC\"}|4 1 2 3 5",
      "{\"order\":\"meta.rank DESC\"}|5 1 2 3 4",
      "{\"order\":\"nothing\"}|1 2 3 4 5",
      "{\"order\":\"id DESC\"}|5 4 3 2 1"})
  @DisplayName("order is a stable JavaScript sort: code-unit strings, missing first ascending and last descending")
  void order(String filter, String expected) {
    assertThat(ids(filter)).isEqualTo(list(expected));
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "{\"limit\":2}|1 2",
      "{\"limit\":2,\"skip\":2}|3 4",
      "{\"limit\":2,\"offset\":4}|5",
      "{\"skip\":3}|4 5",
      "{\"skip\":5}|",
      "{\"skip\":50,\"limit\":1}|",
      "{\"order\":\"title\",\"skip\":1,\"limit\":2}|1 4",
      "{\"where\":{\"count\":5},\"order\":\"title DESC\",\"limit\":1}|5",
      "{\"where\":{\"title\":{\"like\":\"a\"}},\"order\":\"count DESC\",\"skip\":1}|5 2 4 3"})
  @DisplayName("where, then order, then skip and limit")
  void paging(String filter, String expected) {
    assertThat(ids(filter)).isEqualTo(list(expected));
  }

  @Test
  @DisplayName("fields projects copies and leaves the stored instances untouched")
  void fields() {
    List<JsonObject> out = FilterParser.parse("{\"fields\":{\"title\":true},\"limit\":2}", NOTE).apply(NOTES);
    assertThat(out).containsExactly(new JsonObject().put("title", "alpha"), new JsonObject().put("title", "Beta"));
    assertThat(NOTES.get(0).getInteger("id")).isEqualTo(1);

    List<JsonObject> excluded = FilterParser.parse("{\"fields\":{\"when\":false}}", NOTE).apply(NOTES);
    assertThat(excluded.get(4)).isEqualTo(new JsonObject().put("title", "beta").put("count", 5)
        .put("meta", new JsonObject().put("rank", 2)).put("id", 5));

    List<JsonObject> array = FilterParser.parse("{\"fields\":[\"id\",\"count\"]}", NOTE).apply(NOTES);
    assertThat(array.get(2)).isEqualTo(new JsonObject().put("id", 3));
  }

  @Test
  @DisplayName("ordering by a field that fields drops still sorts (the sort comes first)")
  void orderBeforeFields() {
    List<JsonObject> out = FilterParser.parse("{\"fields\":[\"title\"],\"order\":\"count DESC\",\"limit\":1}", NOTE)
        .apply(NOTES);
    assertThat(out).containsExactly(new JsonObject().put("title", "alpha"));
  }

  @Test
  @DisplayName("numbers of different Java types sort by value, ISO dates of any spelling as instants")
  void mixedJavaTypes() {
    List<JsonObject> rows = List.of(
        new JsonObject().put("id", 1).put("v", 10L),
        new JsonObject().put("id", 2).put("v", 2.5d),
        new JsonObject().put("id", 3).put("v", new java.math.BigDecimal("3")),
        new JsonObject().put("id", 4).put("v", 2),
        new JsonObject().put("id", 5).put("v", java.math.BigInteger.ONE),
        new JsonObject().put("id", 6).put("w", java.time.Instant.parse("2020-01-01T00:00:00Z")),
        new JsonObject().put("id", 7).put("w", "2020-01-01T00:00:00.500Z"),
        new JsonObject().put("id", 8).put("w", "2020-01-01T00:00:00.250+00:00"));
    Filter byV = new Filter(null, List.of(new OrderSpec("v", false)), 0, 0, null);
    assertThat(byV.apply(rows).stream().map(o -> o.getInteger("id")).toList())
        .containsExactly(6, 7, 8, 5, 4, 2, 3, 1);
    Filter byW = new Filter(null, List.of(new OrderSpec("w", false)), 0, 0, null);
    assertThat(byW.apply(rows).stream().map(o -> o.getInteger("id")).toList())
        .containsExactly(1, 2, 3, 4, 5, 6, 8, 7);
  }

  @Test
  @DisplayName("sorting values of incomparable types never throws and is deterministic")
  void incomparableValues() {
    Object[] values = {"10", 9, "abc", true, new JsonObject(), new JsonArray().add(1), null, 2.5, "9"};
    Random random = new Random(42);
    List<JsonObject> rows = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      JsonObject row = new JsonObject().put("id", i);
      int pick = random.nextInt(values.length + 1);
      if (pick < values.length) {
        row.put("v", values[pick]);
      }
      rows.add(row);
    }
    Filter filter = FilterParser.parse("{\"order\":\"v DESC\"}", MY_MODEL);
    assertThatCode(() -> filter.apply(rows)).doesNotThrowAnyException();
    assertThat(filter.apply(rows)).isEqualTo(filter.apply(rows)).hasSize(300);
  }

  private static List<Integer> list(String ids) {
    return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(" ")).map(Integer::valueOf).toList();
  }
}
