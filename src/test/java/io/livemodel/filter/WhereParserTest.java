package io.livemodel.filter;

import static io.livemodel.filter.FilterParserTest.apiError;
import static io.livemodel.filter.TestModels.MY_MODEL;
import static io.livemodel.filter.TestModels.NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A where becomes a tree of coerced conditions, as juggler's _coerce leaves it")
class WhereParserTest {

  private static Where where(String json) {
    return FilterParser.parseWhere(json, NOTE);
  }

  private static Where.Condition condition(String json) {
    return (Where.Condition) where(json);
  }

  @Test
  @DisplayName("values of declared properties are coerced to the property type")
  void coercion() {
    assertThat(condition("{\"count\":\"5\"}").value()).isEqualTo(5L);
    assertThat(condition("{\"count\":\"2.5\"}").value()).isEqualTo(2.5);
    assertThat(condition("{\"count\":\"abc\"}").value()).isEqualTo("abc");
    assertThat(condition("{\"title\":123}").value()).isEqualTo("123");
    assertThat(condition("{\"done\":\"false\"}").value()).isEqualTo(false);
    assertThat(condition("{\"done\":\"yes\"}").value()).isEqualTo(true);
    assertThat(condition("{\"done\":0}").value()).isEqualTo(false);
    assertThat(condition("{\"when\":\"2020-01-02\"}").value()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    assertThat(condition("{\"when\":1577923200000}").value()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    assertThat(condition("{\"tags\":5}").value()).isEqualTo("5");
    assertThat(condition("{\"meta\":{\"a\":1}}").value()).isEqualTo(new JsonObject().put("a", 1));
  }

  @Test
  @DisplayName("bracket-syntax strings are coerced too: filter[where][count][gt]=1")
  void bracketOperators() {
    Where.Condition c = (Where.Condition) FilterParser.parseWhere(
        new JsonObject().put("count", new JsonObject().put("gt", "1")), NOTE);
    assertThat(c).isEqualTo(new Where.Condition("count", NOTE.property("count"), Operator.GT, 1L));
    Where.Condition inq = (Where.Condition) FilterParser.parseWhere(
        new JsonObject().put("count", new JsonObject().put("inq", new JsonArray().add("1").add("2"))), NOTE);
    assertThat(inq.value()).isEqualTo(List.of(1L, 2L));
  }

  @Test
  @DisplayName("undeclared properties keep their raw JSON values")
  void untypedKeepsRawValues() {
    Where.Condition c = (Where.Condition) FilterParser.parseWhere("{\"foo\":\"3\"}", MY_MODEL);
    assertThat(c).isEqualTo(new Where.Condition("foo", null, Operator.EQ, "3"));
    Where.Condition gt = (Where.Condition) FilterParser.parseWhere("{\"foo\":{\"gt\":\"3\"}}", MY_MODEL);
    assertThat(gt.value()).isEqualTo("3");
  }

  @Test
  @DisplayName("eq is unwrapped on declared properties and matches nothing on undeclared ones")
  void eq() {
    assertThat(condition("{\"count\":{\"eq\":\"4\"}}"))
        .isEqualTo(new Where.Condition("count", NOTE.property("count"), Operator.EQ, 4L));
    assertThat(((Where.Condition) FilterParser.parseWhere("{\"foo\":{\"eq\":4}}", MY_MODEL)).op())
        .isEqualTo(Operator.NONE);
  }

  @Test
  @DisplayName("several keys are ANDed, and/or nest, and dotted paths name the first segment's property")
  void structure() {
    Where tree = where("{\"title\":\"a\",\"or\":[{\"count\":1},{\"and\":[{\"meta.a\":2}]}]}");
    assertThat(tree).isEqualTo(new Where.And(List.of(
        new Where.Condition("title", NOTE.property("title"), Operator.EQ, "a"),
        new Where.Or(List.of(
            new Where.Condition("count", NOTE.property("count"), Operator.EQ, 1L),
            new Where.And(List.of(
                new Where.Condition("meta.a", NOTE.property("meta"), Operator.EQ, 2))))))));
  }

  @Test
  @DisplayName("a typed regexp accepts /source/flags with i, g, m")
  void regexpForms() {
    assertThat(condition("{\"title\":{\"regexp\":\"^al\"}}").value()).isEqualTo(new RegexpValue("^al", ""));
    assertThat(condition("{\"title\":{\"regexp\":\"/^b/i\"}}").value()).isEqualTo(new RegexpValue("^b", "i"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"count\":{\"between\":[1]}}|Expected precisely 2 values, received 1",
      "{\"count\":{\"between\":[1,2,3]}}|Expected precisely 2 values, received 3",
      "{\"count\":{\"between\":5}}|Value is not an array or object with sequential numeric indices",
      "{\"count\":{\"inq\":\"1\"}}|The count property has invalid clause {\"inq\":\"1\"}",
      "{\"count\":{\"nin\":{}}}|Value is an empty object",
      "{\"title\":{\"like\":5}}|Expected a string or RegExp",
      "{\"title\":{\"nilike\":null}}|Expected a string or RegExp",
      "{\"title\":{\"regexp\":5}}|Invalid argument",
      "{\"title\":{\"regexp\":\"/a/x\"}}|Invalid regex flags: x",
      "{\"title\":{\"regexp\":\"(?=a)\"}}|Invalid regular expression",
      "{\"title\":{\"regexp\":\"(a)\\\\1\"}}|Invalid regular expression",
      "{\"and\":5}|The and operator has invalid clauses 5",
      "{\"or\":{\"a\":1}}|The or operator has invalid clauses",
      "{\"and\":[5]}|The where clause 5 is not an object"})
  @DisplayName("malformed operators give 400")
  void malformed(String json, String message) {
    ApiError error = apiError(() -> where(json));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.getMessage()).contains(message);
  }

  @Test
  @DisplayName("$-operators on declared properties give 400 OPERATOR_NOT_ALLOWED_IN_QUERY with details")
  void extendedOperators() {
    ApiError error = apiError(() -> where("{\"count\":{\"$gt\":1}}"));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("OPERATOR_NOT_ALLOWED_IN_QUERY");
    assertThat(error.getMessage()).isEqualTo("Operators \"$gt\" are not allowed in query");
    assertThat(error.details()).isEqualTo(new JsonObject()
        .put("operators", new JsonArray().add("$gt"))
        .put("where", new JsonObject().put("count", new JsonObject().put("$gt", 1))));
    assertThat(FilterParser.parseWhere("{\"foo\":{\"$gt\":1}}", MY_MODEL)).isNotNull();
  }

  @Test
  @DisplayName("an invalid date on a date property is a 400 (LoopBack: 500)")
  void invalidDate() {
    assertThat(apiError(() -> where("{\"when\":{\"gt\":\"garbage\"}}")).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("an empty like pattern never matches, whatever the operator")
  void emptyLike() {
    assertThat(condition("{\"title\":{\"nlike\":\"\"}}").op()).isEqualTo(Operator.NONE);
  }
}
