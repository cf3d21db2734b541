package io.livemodel.filter;

import static io.livemodel.filter.TestModels.MY_MODEL;
import static io.livemodel.filter.TestModels.NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("FilterParser reads filters as strong-remoting and juggler do")
class FilterParserTest {

  static ApiError apiError(ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApiError.class);
    return (ApiError) thrown;
  }

  static void assertBadRequest(ThrowingCallable call, String messagePart) {
    ApiError error = apiError(call);
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.getMessage()).contains(messagePart);
  }

  @Nested
  @DisplayName("the raw argument")
  class RawArgument {

    @Test
    @DisplayName("null, an empty string, \"null\" and {} all mean no filter")
    void absentFilters() {
      assertThat(FilterParser.parse(null, NOTE)).isEqualTo(Filter.ALL);
      assertThat(FilterParser.parse("", NOTE)).isEqualTo(Filter.ALL);
      assertThat(FilterParser.parse("null", NOTE)).isEqualTo(Filter.ALL);
      assertThat(FilterParser.parse("{}", NOTE)).isEqualTo(Filter.ALL);
      assertThat(FilterParser.parse(new JsonObject(), NOTE)).isEqualTo(Filter.ALL);
    }

    @ParameterizedTest(name = "filter={0}")
    @ValueSource(strings = {"{bad}", "{\"a\":}", "{\"a\":1}}", "{'a':1}"})
    @DisplayName("text that looks like a JSON object but is not JSON gives 400 Cannot parse")
    void unparsableObject(String raw) {
      ApiError error = apiError(() -> FilterParser.parse(raw, NOTE));
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.getMessage()).isEqualTo("Cannot parse JSON-encoded object value.");
    }

    @ParameterizedTest(name = "filter={0}")
    @ValueSource(strings = {"{bad", "5", "abc", "[1,2]", " {\"a\":1}"})
    @DisplayName("text that does not look like a JSON object gives 400 Value is not an object")
    void notAnObject(String raw) {
      ApiError error = apiError(() -> FilterParser.parse(raw, NOTE));
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.getMessage()).isEqualTo("Value is not an object.");
    }

    @Test
    @DisplayName("a qs array (filter={json} mixed with filter[...]) gives 400, as does a number")
    void arraysAndScalars() {
      JsonArray mixed = new JsonArray().add("{\"limit\":1}").add(new JsonObject().put("limit", "2"));
      assertBadRequest(() -> FilterParser.parse(mixed, NOTE), "Value is not an object.");
      assertBadRequest(() -> FilterParser.parse(5, NOTE), "Value is not an object.");
      assertBadRequest(() -> FilterParser.parseWhere(new JsonArray(), NOTE), "Value is not an object.");
    }

    @Test
    @DisplayName("a JSON string and the same object decoded give the same filter")
    void stringAndObjectAgree() {
      String json = "{\"where\":{\"count\":{\"gt\":1}},\"order\":\"count DESC\",\"limit\":2,\"skip\":1}";
      assertThat(FilterParser.parse(json, NOTE)).isEqualTo(FilterParser.parse(new JsonObject(json), NOTE));
    }
  }

  @Nested
  @DisplayName("limit, skip and offset")
  class LimitAndSkip {

    @ParameterizedTest(name = "{0} -> limit {1}, skip {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"limit\":2}|2|0",
        "{\"limit\":\"2\"}|2|0",
        "{\"limit\":0}|0|0",
        "{\"limit\":\"\"}|0|0",
        "{\"limit\":null}|0|0",
        "{\"limit\":2,\"skip\":3}|2|3",
        "{\"limit\":2,\"offset\":3}|2|3",
        "{\"limit\":2,\"skip\":0,\"offset\":4}|2|4",
        "{\"skip\":1}|100|1",
        "{\"offset\":\"5\"}|100|5",
        "{\"limit\":true}|1|0",
        "{\"limit\":2.0}|2|0"})
    @DisplayName("are read with JavaScript numbers; a lone skip limits to 100 as juggler does")
    void valid(String json, int limit, int skip) {
      Filter filter = FilterParser.parse(json, NOTE);
      assertThat(filter.limit()).isEqualTo(limit);
      assertThat(filter.skip()).isEqualTo(skip);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"limit\":-1}|The limit parameter -1 is not valid",
        "{\"limit\":\"abc\"}|The limit parameter \"abc\" is not valid",
        "{\"limit\":1.5}|The limit parameter 1.5 is not valid",
        "{\"limit\":\"0\"}|The limit parameter \"0\" is not valid",
        "{\"limit\":{}}|The limit parameter {} is not valid",
        "{\"skip\":-2}|The offset/skip parameter -2 is not valid",
        "{\"offset\":\"x\"}|The offset/skip parameter \"x\" is not valid"})
    @DisplayName("invalid values give 400 naming the parameter")
    void invalid(String json, String message) {
      ApiError error = apiError(() -> FilterParser.parse(json, NOTE));
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.getMessage()).isEqualTo(message);
    }

    @Test
    @DisplayName("bracket-syntax strings work: filter[limit]=2&filter[skip]=1")
    void bracketStrings() {
      Filter filter = FilterParser.parse(new JsonObject().put("limit", "2").put("skip", "1"), NOTE);
      assertThat(filter.limit()).isEqualTo(2);
      assertThat(filter.skip()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("order")
  class Order {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"count\"|count:ASC",
        "\"count DESC\"|count:DESC",
        "\"count desc\"|count:DESC",
        "\"count AsC\"|count:ASC",
        "\"count DESC, title ASC\"|count:DESC,title:ASC",
        "\"count DESC,title\"|count:DESC,title:ASC",
        "[\"count DESC\",\"title\"]|count:DESC,title:ASC",
        "[\"count DESC, when\",\"title DESC\"]|count:DESC,when:ASC,title:DESC",
        "\"meta.a DESC\"|meta.a:DESC",
        "\"count  DESC\"|count:DESC",
        "\",count\"|count:ASC"})
    @DisplayName("accepts a property, a direction, an array and comma-separated strings")
    void forms(String orderJson, String expected) {
      Filter filter = FilterParser.parse("{\"order\":" + orderJson + "}", NOTE);
      assertThat(render(filter.order())).isEqualTo(expected);
    }

    private String render(List<OrderSpec> specs) {
      return String.join(",", specs.stream()
          .map(s -> s.property() + ":" + (s.descending() ? "DESC" : "ASC")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"\"", "null", "0", "false", "[]"})
    @DisplayName("a falsy order or an empty array means the default order")
    void defaults(String orderJson) {
      assertThat(FilterParser.parse("{\"order\":" + orderJson + "}", NOTE).order()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "5|The order 5 is not valid",
        "{}|The order {} is not valid",
        "true|The order true is not valid",
        "[\"count\",5]|The order 5 is not valid",
        "\"count UP\"|The order \"count UP\" has invalid direction",
        "\"count \"|The order \"count \" has invalid direction"})
    @DisplayName("non-string entries and unknown directions give 400")
    void invalid(String orderJson, String message) {
      ApiError error = apiError(() -> FilterParser.parse("{\"order\":" + orderJson + "}", NOTE));
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.getMessage()).isEqualTo(message);
    }
  }

  @Nested
  @DisplayName("fields")
  class FieldsForm {

    private Fields fields(Object raw, io.livemodel.model.ModelDefinition model) {
      return FilterParser.parse(new JsonObject().put("fields", raw), model).fields();
    }

    @Test
    @DisplayName("{a:true,b:true} keeps only those keys, without adding the id")
    void objectInclude() {
      Fields fields = fields(new JsonObject().put("title", true).put("count", true), NOTE);
      assertThat(fields).isEqualTo(new Fields(Set.of("title", "count"), true));
    }

    @Test
    @DisplayName("{a:false} keeps the declared properties except a (undeclared ones are dropped)")
    void objectExclude() {
      Fields fields = fields(new JsonObject().put("meta", false).put("tags", false), NOTE);
      assertThat(fields.include()).isTrue();
      assertThat(fields.names()).containsExactly("title", "count", "done", "when", "id");
      assertThat(fields(new JsonObject().put("foo", false), MY_MODEL).names()).containsExactly("id");
    }

    @Test
    @DisplayName("a mix of true and false keeps only the true keys")
    void objectMixed() {
      assertThat(fields(new JsonObject().put("title", true).put("count", false), NOTE).names())
          .containsExactly("title");
    }

    @Test
    @DisplayName("the array form and a single string name the keys to keep")
    void arrayAndString() {
      assertThat(fields(new JsonArray().add("title").add("id"), NOTE).names()).containsExactly("title", "id");
      assertThat(fields("title", NOTE).names()).containsExactly("title");
      assertThat(fields(new JsonArray().add("foo"), MY_MODEL).names()).containsExactly("foo");
    }

    @Test
    @DisplayName("bracket-syntax leaves \"true\" and \"false\" are read as booleans")
    void bracketStrings() {
      assertThat(fields(new JsonObject().put("title", "true"), NOTE).names()).containsExactly("title");
      assertThat(fields(new JsonObject().put("title", "false"), NOTE).names())
          .containsExactly("count", "done", "when", "tags", "meta", "id");
    }

    @Test
    @DisplayName("{}, [] and falsy values mean no projection")
    void none() {
      assertThat(fields(new JsonObject(), NOTE)).isNull();
      assertThat(fields(new JsonArray(), NOTE)).isNull();
      assertThat(fields("", NOTE)).isNull();
      assertThat(fields(false, NOTE)).isNull();
    }

    @Test
    @DisplayName("a strict model keeps only declared names")
    void strict() {
      assertThat(fields(new JsonArray().add("title").add("foo"), TestModels.strictNote()).names())
          .containsExactly("title");
    }
  }

  @Nested
  @DisplayName("where and include")
  class WhereAndInclude {

    @ParameterizedTest(name = "where={0}")
    @ValueSource(strings = {"5", "\"abc\"", "[]", "true", "0"})
    @DisplayName("a where that is not an object gives 400")
    void whereNotObject(String whereJson) {
      assertBadRequest(() -> FilterParser.parse("{\"where\":" + whereJson + "}", NOTE), "is not an object");
    }

    @Test
    @DisplayName("where null or {} is no condition")
    void emptyWhere() {
      assertThat(FilterParser.parse("{\"where\":null}", NOTE).where()).isNull();
      assertThat(FilterParser.parse("{\"where\":{}}", NOTE).where()).isNull();
      assertThat(FilterParser.parseWhere("{}", NOTE)).isNull();
      assertThat(FilterParser.parseWhere(null, NOTE)).isNull();
      assertThat(FilterParser.parseWhere("", NOTE)).isNull();
    }

    @Test
    @DisplayName("parseWhere applies the same argument rules as parse")
    void parseWhereArgument() {
      assertBadRequest(() -> FilterParser.parseWhere("{bad}", NOTE), "Cannot parse JSON-encoded object value.");
      assertBadRequest(() -> FilterParser.parseWhere("5", NOTE), "Value is not an object.");
      assertThat(FilterParser.parseWhere("{\"count\":\"3\"}", NOTE))
          .isEqualTo(new Where.Condition("count", NOTE.property("count"), Operator.EQ, 3L));
    }

    @Test
    @DisplayName("include of an unknown relation is a 400 naming it (LoopBack: 500), an empty include is ignored")
    void include() {
      ApiError error = apiError(() -> FilterParser.parse("{\"include\":\"owner\"}", NOTE));
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.getMessage()).contains("\"owner\"");
      assertThat(apiError(() -> FilterParser.parse("{\"include\":[\"a\"]}", NOTE)).statusCode()).isEqualTo(400);
      assertThat(FilterParser.parse("{\"include\":[]}", NOTE)).isEqualTo(Filter.ALL);
      assertThat(FilterParser.parse("{\"include\":\"\"}", NOTE)).isEqualTo(Filter.ALL);
    }

    @Test
    @DisplayName("a query nested deeper than 32 levels gives 400")
    void tooDeep() {
      String where = "{\"title\":\"x\"}";
      for (int i = 0; i < 20; i++) {
        where = "{\"and\":[" + where + "]}";
      }
      String deep = where;
      ApiError error = apiError(() -> FilterParser.parseWhere(deep, NOTE));
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.code()).isEqualTo("QUERY_OBJECT_TOO_DEEP");
    }

    @Test
    @DisplayName("a 400 on limit wins over a 400 on where (juggler's order of checks)")
    void errorOrder() {
      assertBadRequest(() -> FilterParser.parse("{\"where\":5,\"limit\":-1}", NOTE), "limit");
    }
  }
}
