package io.livemodel.filter;

import static io.livemodel.filter.TestModels.MY_MODEL;
import static io.livemodel.filter.TestModels.NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ModelDefinition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Where conditions match instances as the memory connector does")
class WhereEvaluatorTest {

  private static final List<JsonObject> NOTES = List.of(
      new JsonObject("{\"title\":\"alpha\",\"count\":1,\"done\":true,\"when\":\"2020-01-01T00:00:00.000Z\","
          + "\"tags\":[\"x\",\"y\"],\"meta\":{\"a\":1,\"b\":{\"c\":\"deep\"}},\"id\":1}"),
      new JsonObject("{\"title\":\"Beta\",\"count\":5,\"done\":false,\"when\":\"2020-06-01T00:00:00.000Z\","
          + "\"tags\":[],\"meta\":{\"a\":2},\"id\":2}"),
      new JsonObject("{\"title\":\"gamma\",\"count\":10,\"tags\":[\"y\",\"z\"],\"meta\":[{\"a\":3},{\"a\":4}],\"id\":3}"),
      new JsonObject("{\"title\":\"delta\",\"id\":4}"),
      new JsonObject("{\"title\":\"epsilon\",\"count\":null,\"id\":5}"));

  private static final List<JsonObject> MY_MODELS = List.of(
      new JsonObject("{\"id\":1,\"foo\":\"bar\",\"n\":3,\"list\":[\"a\",\"b\"],\"nested\":{\"x\":\"y\"}}"),
      new JsonObject("{\"id\":2,\"foo\":\"baz\",\"n\":\"3\"}"),
      new JsonObject("{\"id\":3,\"n\":10}"),
      new JsonObject("{\"id\":4,\"foo\":null}"));

  static List<Integer> ids(String whereJson, ModelDefinition model, List<JsonObject> instances) {
    Where where = FilterParser.parseWhere(whereJson, model);
    List<Integer> ids = new ArrayList<>();
    for (JsonObject instance : instances) {
      if (where == null || where.test(instance)) {
        ids.add(instance.getInteger("id"));
      }
    }
    return ids;
  }

  private static List<Integer> expected(String ids) {
    return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(" ")).map(Integer::valueOf).toList();
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "{\"title\":\"alpha\"}|1",
      "{\"title\":\"ALPHA\"}|",
      "{\"count\":\"5\"}|2",
      "{\"count\":{\"eq\":10}}|3",
      "{\"count\":{\"gt\":1}}|2 3",
      "{\"count\":{\"gte\":5}}|2 3",
      "{\"count\":{\"lt\":5}}|1",
      "{\"count\":{\"lte\":\"5\"}}|1 2",
      "{\"count\":{\"between\":[1,5]}}|1 2",
      "{\"count\":{\"between\":[\"2\",\"10\"]}}|2 3",
      "{\"count\":{\"inq\":[1,10]}}|1 3",
      "{\"count\":{\"nin\":[1,10]}}|2 4 5",
      "{\"count\":{\"neq\":5}}|1 3 4 5",
      "{\"count\":null}|4 5",
      "{\"count\":{\"neq\":null}}|1 2 3",
      "{\"count\":{\"gt\":null}}|",
      "{\"id\":{\"inq\":[\"1\",\"2\"]}}|1 2",
      "{\"title\":\"alpha\",\"count\":2}|",
      "{\"or\":[{\"title\":\"alpha\"},{\"count\":10}]}|1 3",
      "{\"and\":[{\"count\":{\"gt\":1}},{\"tags\":\"z\"}]}|3",
      "{\"or\":[{\"and\":[{\"count\":{\"gte\":1}},{\"count\":{\"lte\":5}}]},{\"title\":\"delta\"}]}|1 2 4",
      "{\"or\":[]}|",
      "{\"and\":[]}|1 2 3 4 5",
      "{\"and\":[{}]}|1 2 3 4 5"})
  @DisplayName("equality, comparisons, lists, null and and/or on declared properties")
  void comparisons(String where, String ids) {
    assertThat(ids(where, NOTE, NOTES)).isEqualTo(expected(ids));
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "{\"title\":{\"like\":\"lph\"}}|1",
      "{\"title\":{\"like\":\"a%\"}}|1 2 3 4",
      "{\"title\":{\"nilike\":\"a%\"}}|5",
      "{\"title\":{\"ilike\":\"BETA\"}}|2",
      "{\"title\":{\"like\":\"BETA\"}}|",
      "{\"title\":{\"like\":\"_eta\"}}|2",
      "{\"title\":{\"nlike\":\"ta\"}}|1 3 5",
      "{\"title\":{\"like\":\"a.p\"}}|",
      "{\"title\":{\"like\":\"(\"}}|",
      "{\"title\":{\"like\":\"^alpha$\"}}|",
      "{\"title\":{\"regexp\":\"^al\"}}|1",
      "{\"title\":{\"regexp\":\"/^b/i\"}}|2",
      "{\"title\":{\"regexp\":\"^B\"}}|2",
      "{\"title\":{\"regexp\":\"a$\"}}|1 2 3 4",
      "{\"title\":{\"regexp\":\"/^(?:[ag][la])/\"}}|1 3"})
  @DisplayName("like is an unanchored pattern with % and _, regexp a JavaScript regex")
  void patterns(String where, String ids) {
    assertThat(ids(where, NOTE, NOTES)).isEqualTo(expected(ids));
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "{\"tags\":\"y\"}|1 3",
      "{\"tags\":{\"inq\":[\"z\"]}}|3",
      "{\"tags\":{\"neq\":\"x\"}}|1 2 3 4 5",
      "{\"tags\":{\"nin\":[\"x\"]}}|1 3 4 5",
      "{\"tags\":{\"like\":\"z\"}}|3",
      "{\"done\":true}|1",
      "{\"done\":\"false\"}|2",
      "{\"when\":{\"gt\":\"2020-03-01\"}}|2",
      "{\"when\":\"2020-01-01\"}|1",
      "{\"when\":{\"eq\":\"2020-06-01T02:00:00+02:00\"}}|2",
      "{\"when\":{\"between\":[\"2019-12-31\",\"2020-01-02\"]}}|1",
      "{\"when\":{\"lt\":1580000000000}}|1",
      "{\"when\":{\"inq\":[\"2020-06-01\"]}}|2",
      "{\"meta.a\":1}|1",
      "{\"meta.a\":3}|3",
      "{\"meta.a\":{\"gt\":1}}|2 3",
      "{\"meta.b.c\":\"deep\"}|1",
      "{\"meta.b.c\":{\"like\":\"ee\"}}|1"})
  @DisplayName("arrays match when any element matches, dates compare as instants, dotted paths reach inside")
  void arraysDatesAndPaths(String where, String ids) {
    assertThat(ids(where, NOTE, NOTES)).isEqualTo(expected(ids));
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "{\"n\":3}|1 2",
      "{\"n\":\"3\"}|1 2",
      "{\"n\":{\"eq\":3}}|",
      "{\"n\":{\"gt\":\"4\"}}|3",
      "{\"n\":{\"gte\":\"10\"}}|2 3",
      "{\"foo\":null}|3 4",
      "{\"foo\":{\"like\":\"ba%\"}}|1 2",
      "{\"foo\":{\"nlike\":\"bar\"}}|2 3 4",
      "{\"foo\":{\"regexp\":\"^ba\"}}|1 2",
      "{\"foo\":{\"regexp\":\"/^BA/i\"}}|",
      "{\"foo\":{\"inq\":[\"bar\",null]}}|1 3 4",
      "{\"foo\":{\"gt\":\"bar\",\"lt\":\"bas\"}}|2",
      "{\"list\":\"b\"}|1",
      "{\"nested.x\":\"y\"}|1",
      "{\"nested\":{\"x\":\"anything\"}}|1",
      "{\"foo\":{\"near\":[1,2]}}|1 2 3 4"})
  @DisplayName("undeclared properties: no coercion, \"3\" equals 3, eq matches nothing")
  void untyped(String where, String ids) {
    assertThat(ids(where, MY_MODEL, MY_MODELS)).isEqualTo(expected(ids));
  }

  @Test
  @DisplayName("like on an absent value tests the text \"undefined\", as JavaScript's RegExp.test does")
  void likeOnMissing() {
    assertThat(ids("{\"foo\":{\"like\":\"undef\"}}", MY_MODEL, MY_MODELS)).containsExactly(3);
  }

  @Test
  @DisplayName("numbers of every Java type compare numerically")
  void javaNumberTypes() {
    List<JsonObject> rows = List.of(
        new JsonObject().put("id", 1).put("v", 2),
        new JsonObject().put("id", 2).put("v", 10L),
        new JsonObject().put("id", 3).put("v", 2.5d),
        new JsonObject().put("id", 4).put("v", new java.math.BigDecimal("3.0")),
        new JsonObject().put("id", 5).put("v", java.math.BigInteger.valueOf(7)));
    assertThat(ids("{\"v\":{\"gt\":2.4}}", MY_MODEL, rows)).containsExactly(2, 3, 4, 5);
    assertThat(ids("{\"v\":3}", MY_MODEL, rows)).containsExactly(4);
    assertThat(ids("{\"v\":{\"inq\":[7,2]}}", MY_MODEL, rows)).containsExactly(1, 5);
  }

  @Test
  @DisplayName("nested arrays are searched element by element")
  void nestedArrays() {
    List<JsonObject> rows = List.of(new JsonObject().put("id", 1)
        .put("grid", new JsonArray().add(new JsonArray().add("p")).add(new JsonArray().add("q"))));
    assertThat(ids("{\"grid\":\"q\"}", MY_MODEL, rows)).containsExactly(1);
    assertThat(ids("{\"grid\":\"r\"}", MY_MODEL, rows)).isEmpty();
  }

  @Test
  @DisplayName("catastrophic-backtracking patterns run in linear time and give the right answer")
  void catastrophicPatterns() {
    String as = "a".repeat(50_000);
    List<JsonObject> rows = List.of(
        new JsonObject().put("id", 1).put("foo", as + "b"),
        new JsonObject().put("id", 2).put("foo", as));
    assertThat(ids("{\"foo\":{\"regexp\":\"(a+)+$\"}}", MY_MODEL, rows)).containsExactly(2);
    assertThat(ids("{\"foo\":{\"regexp\":\"(a+)+b$\"}}", MY_MODEL, rows)).containsExactly(1);
    assertThat(ids("{\"foo\":{\"regexp\":\"^(a+)+$\"}}", MY_MODEL, rows)).containsExactly(2);
    assertThat(ids("{\"foo\":{\"regexp\":\"^(a|aa)+$\"}}", MY_MODEL, rows)).containsExactly(2);
    assertThat(ids("{\"foo\":{\"like\":\"%a%a%a%a%a%a%a%c\"}}", MY_MODEL, rows)).isEmpty();
    assertThat(ids("{\"foo\":{\"like\":\"%a%a%a%a%a%a%a%b\"}}", MY_MODEL, rows)).containsExactly(1);
  }
}
