package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.filter.Filter;
import io.livemodel.filter.FilterParser;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.model.PropertyType;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Qs decodes query strings as Express's qs does")
class QsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a=1&b=2|{\"a\":\"1\",\"b\":\"2\"}",
      "a=hello+world|{\"a\":\"hello world\"}",
      "a=%2B%20x|{\"a\":\"+ x\"}",
      "a=%E2%82%AC|{\"a\":\"€\"}",
      "a%20b=c|{\"a b\":\"c\"}",
      "a=%ZZ|{\"a\":\"%ZZ\"}",
      "a=100%|{\"a\":\"100%\"}",
      "a=%E2%82|{\"a\":\"%E2%82\"}",
      "a=x+%ZZ|{\"a\":\"x %ZZ\"}",
      "a=%C0%80|{\"a\":\"%C0%80\"}",
      "a|{\"a\":\"\"}",
      "a=|{\"a\":\"\"}",
      "=x|{}",
      "&&|{}",
      "a=b=c|{\"a\":\"b=c\"}",
      "a[b]=c=d|{\"a\":{\"b\":\"c=d\"}}"})
  @DisplayName("splits on & and = and percent-decodes, keeping text it cannot decode")
  void decoding(String query, String expected) {
    assertThat(Qs.decode(query)).isEqualTo(new JsonObject(expected));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "filter[where][title]=alpha&filter[order]=count%20DESC&filter[limit]=2"
          + "|{\"filter\":{\"where\":{\"title\":\"alpha\"},\"order\":\"count DESC\",\"limit\":\"2\"}}",
      "filter%5Bwhere%5D%5Btitle%5D=alpha|{\"filter\":{\"where\":{\"title\":\"alpha\"}}}",
      "filter%5bwhere%5d%5bcount%5d%5bgt%5d=1|{\"filter\":{\"where\":{\"count\":{\"gt\":\"1\"}}}}",
      "where[done]=true|{\"where\":{\"done\":\"true\"}}",
      "filter[where][and][0][title]=a&filter[where][and][1][count]=2"
          + "|{\"filter\":{\"where\":{\"and\":[{\"title\":\"a\"},{\"count\":\"2\"}]}}}",
      "[a]=1|{\"a\":\"1\"}"})
  @DisplayName("brackets nest objects")
  void nesting(String query, String expected) {
    assertThat(Qs.decode(query)).isEqualTo(new JsonObject(expected));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a[0]=x&a[1]=y|{\"a\":[\"x\",\"y\"]}",
      "a[1]=y&a[0]=x|{\"a\":[\"x\",\"y\"]}",
      "a[5]=x|{\"a\":[\"x\"]}",
      "a=x&a=y&a=z|{\"a\":[\"x\",\"y\",\"z\"]}",
      "a[]=x&a[]=y|{\"a\":[\"x\",\"y\"]}",
      "a[]=x|{\"a\":[\"x\"]}",
      "a[20]=x|{\"a\":[\"x\"]}",
      "a[21]=x|{\"a\":{\"21\":\"x\"}}",
      "a[0]=x&a[b]=y|{\"a\":{\"0\":\"x\",\"b\":\"y\"}}",
      "filter[fields][0]=title&filter[fields][1]=id|{\"filter\":{\"fields\":[\"title\",\"id\"]}}"})
  @DisplayName("indexes up to 20, [] and repeated keys give arrays")
  void arrays(String query, String expected) {
    assertThat(Qs.decode(query)).isEqualTo(new JsonObject(expected));
  }

  @Test
  @DisplayName("mixing filter={json} with filter[...] makes the value an array")
  void mixingSyntaxes() {
    JsonObject decoded = Qs.decode("filter=%7B%22limit%22%3A1%7D&filter[limit]=2");
    assertThat(decoded).isEqualTo(new JsonObject()
        .put("filter", new io.vertx.core.json.JsonArray().add("{\"limit\":1}").add(new JsonObject().put("limit", "2"))));
  }

  @Test
  @DisplayName("qs's own merge quirks: a[b]=1&a=c gives c:true, a=c&a[b]=1 gives an array")
  void mergeQuirks() {
    assertThat(Qs.decode("a[b]=1&a=c")).isEqualTo(new JsonObject("{\"a\":{\"b\":\"1\",\"c\":true}}"));
    assertThat(Qs.decode("a=c&a[b]=1")).isEqualTo(new JsonObject("{\"a\":[\"c\",{\"b\":\"1\"}]}"));
    assertThat(Qs.decode("a[b]=1&a=")).isEqualTo(new JsonObject("{\"a\":{\"b\":\"1\"}}"));
  }

  @Test
  @DisplayName("brackets deeper than 5 levels stay one literal key")
  void depthLimit() {
    assertThat(Qs.decode("a[b][c][d][e][f][g][h]=x")).isEqualTo(new JsonObject(
        "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"[g][h]\":\"x\"}}}}}}}"));
    assertThat(Qs.decode("a[b][c][d][e][f]=x")).isEqualTo(new JsonObject(
        "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":\"x\"}}}}}}"));
  }

  @Test
  @DisplayName("only the first 1000 parameters are read")
  void parameterLimit() {
    StringJoiner query = new StringJoiner("&");
    for (int i = 0; i < 1500; i++) {
      query.add("p" + i + "=" + i);
    }
    JsonObject decoded = Qs.decode(query.toString());
    assertThat(decoded.size()).isEqualTo(1000);
    assertThat(decoded.getString("p999")).isEqualTo("999");
    assertThat(decoded.containsKey("p1000")).isFalse();
  }

  @Test
  @DisplayName("__proto__ keys are dropped; numeric keys come first as in JavaScript objects")
  void keys() {
    assertThat(Qs.decode("__proto__=x&a[__proto__]=y")).isEqualTo(new JsonObject("{\"a\":{}}"));
    assertThat(Qs.decode("b=1&2=x&a=3").fieldNames()).containsExactly("2", "b", "a");
  }

  @Test
  @DisplayName("null and empty queries give an empty object")
  void empty() {
    assertThat(Qs.decode(null)).isEqualTo(new JsonObject());
    assertThat(Qs.decode("")).isEqualTo(new JsonObject());
  }

  @Nested
  @DisplayName("feeding FilterParser, as the REST layer will")
  class BracketFilters {

    private final ModelDefinition note = note();

    private ModelDefinition note() {
      Map<String, PropertyDefinition> properties = new LinkedHashMap<>();
      properties.put("title", new PropertyDefinition("title", PropertyType.STRING, null, true, null, false, false));
      properties.put("count", new PropertyDefinition("count", PropertyType.NUMBER, null, false, null, false, false));
      properties.put("id", new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, true, true));
      return new ModelDefinition("Note", "Notes", false, true, properties);
    }

    private List<Object> run(String query) {
      Filter filter = FilterParser.parse(Qs.decode(query).getValue("filter"), note);
      List<JsonObject> rows = List.of(
          new JsonObject().put("title", "alpha").put("count", 5).put("id", 1),
          new JsonObject().put("title", "beta").put("count", 1).put("id", 2),
          new JsonObject().put("title", "gamma").put("count", 3).put("id", 3));
      return filter.apply(rows).stream().map(o -> o.getValue("id")).toList();
    }

    @Test
    @DisplayName("filter[where][count]=5 compares the number 5 on a number property")
    void coercedEquality() {
      assertThat(run("filter[where][count]=5")).containsExactly(1);
    }

    @Test
    @DisplayName("operators, order and limit work in bracket syntax, encoded or raw")
    void operatorsOrderLimit() {
      assertThat(run("filter[where][count][gt]=1&filter[order]=count%20DESC&filter[limit]=1")).containsExactly(1);
      assertThat(run("filter%5Bwhere%5D%5Bcount%5D%5Bgt%5D=1&filter%5Border%5D=count")).containsExactly(3, 1);
      assertThat(run("filter[where][count][inq]=1&filter[where][count][inq]=3")).containsExactly(2, 3);
      assertThat(run("filter[where][or][0][title]=beta&filter[where][or][1][count][gte]=5")).containsExactly(1, 2);
      assertThat(run("filter[where][title][like]=a%25&filter[skip]=1")).containsExactly(2, 3);
    }

    @Test
    @DisplayName("filter={json} works too, and mixing both syntaxes is a 400")
    void jsonAndMixed() {
      assertThat(run("filter=%7B%22where%22%3A%7B%22count%22%3A%7B%22lt%22%3A4%7D%7D%7D")).containsExactly(2, 3);
      assertThatThrownBy(() -> run("filter=%7B%22limit%22%3A1%7D&filter[limit]=2"))
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }
  }
}
