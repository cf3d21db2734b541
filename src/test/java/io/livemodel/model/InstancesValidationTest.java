package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.Instances.Mode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected messages and details were produced by loopback-datasource-juggler 3.36.1 for the same data.
@DisplayName("Instances.prepare validates instances and answers LoopBack's 422 ValidationError")
class InstancesValidationTest {

  static final ModelDefinition NOTE = InstancesCoercionTest.NOTE;

  static final ModelDefinition STRICT = ModelLoader.parse(new JsonObject(
      "{\"name\":\"Strict\",\"strict\":true,\"properties\":{\"title\":{\"type\":\"string\",\"required\":true}}}"),
      "Strict.json");

  static final ModelDefinition REQUIRED = ModelLoader.parse(new JsonObject("""
      {"name":"R","properties":{"n":{"type":"number","required":true},"t":{"type":["string"],"required":true},
        "d":{"type":"date","required":true},"o":{"type":"object","required":true}}}"""), "R.json");

  static ApiError failure(ModelDefinition model, String json, Mode mode) {
    try {
      Instances.prepare(model, new JsonObject(json), mode);
    } catch (ApiError e) {
      return e;
    }
    throw new AssertionError("expected a validation error for " + json);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("each failing rule gives its code, message and juggler's rendering of the value")
  @CsvSource(delimiter = '|', value = {
      "{}|{\"title\":[\"presence\"]}|The `Note` instance is not valid. Details: `title` can't be blank (value: undefined).",
      "{\"title\":\"\"}|{\"title\":[\"presence\"]}|The `Note` instance is not valid. Details: `title` can't be blank (value: \"\").",
      "{\"title\":null}|{\"title\":[\"presence\"]}|The `Note` instance is not valid. Details: `title` can't be blank (value: null).",
      "{\"title\":[]}|{\"title\":[\"presence\"]}|The `Note` instance is not valid. Details: `title` can't be blank (value: \"\").",
      "{\"title\":\"a\",\"when\":\"nope\"}|{\"when\":[\"date\"]}|The `Note` instance is not valid. Details: `when` is not a valid date (value: Invalid Date).",
      "{\"title\":\"a\",\"when\":\"1577923200000\"}|{\"when\":[\"date\"]}|The `Note` instance is not valid. Details: `when` is not a valid date (value: Invalid Date).",
      "{\"title\":\"a\",\"when\":{}}|{\"when\":[\"date\"]}|The `Note` instance is not valid. Details: `when` is not a valid date (value: Invalid Date).",
      "{\"id\":5,\"title\":\"t\"}|{\"id\":[\"absence\"]}|The `Note` instance is not valid. Details: `id` can't be set (value: 5).",
      "{\"id\":\"\",\"title\":\"t\"}|{\"id\":[\"absence\"]}|The `Note` instance is not valid. Details: `id` can't be set (value: 0).",
      "{\"id\":1.5,\"title\":\"t\"}|{\"id\":[\"absence\"]}|The `Note` instance is not valid. Details: `id` can't be set (value: 1.5).",
      "{\"id\":true,\"title\":\"t\"}|{\"id\":[\"absence\"]}|The `Note` instance is not valid. Details: `id` can't be set (value: 1).",
      "{\"id\":5,\"when\":\"bad\",\"x\":1}|{\"id\":[\"absence\"],\"title\":[\"presence\"],\"when\":[\"date\"]}|The `Note` instance is not valid. Details: `id` can't be set (value: 5); `title` can't be blank (value: undefined); `when` is not a valid date (value: Invalid Date)."})
  void reportsNoteFailures(String data, String codes, String message) {
    ApiError error = failure(NOTE, data, Mode.CREATE);
    assertThat(error.statusCode()).isEqualTo(422);
    assertThat(error.name()).isEqualTo("ValidationError");
    assertThat(error.getMessage()).isEqualTo(message);
    JsonObject details = (JsonObject) error.details();
    assertThat(details.getString("context")).isEqualTo("Note");
    assertThat(details.getJsonObject("codes")).isEqualTo(new JsonObject(codes));
    JsonObject expectedMessages = new JsonObject();
    new JsonObject(codes).forEach(e -> expectedMessages.put(e.getKey(), new io.vertx.core.json.JsonArray()
        .add(switch (((io.vertx.core.json.JsonArray) e.getValue()).getString(0)) {
          case "presence" -> "can't be blank";
          case "absence" -> "can't be set";
          default -> "is not a valid date";
        })));
    assertThat(details.getJsonObject("messages")).isEqualTo(expectedMessages);
  }

  @Test
  @DisplayName("the whole error body is LoopBack's envelope")
  void rendersTheEnvelope() {
    assertThat(failure(NOTE, "{}", Mode.CREATE).toJson()).isEqualTo(new JsonObject("""
        {"error":{"statusCode":422,"name":"ValidationError",
          "message":"The `Note` instance is not valid. Details: `title` can't be blank (value: undefined).",
          "details":{"context":"Note","codes":{"title":["presence"]},"messages":{"title":["can't be blank"]}}}}"""));
  }

  @Test
  @DisplayName("presence treats NaN and [] as blank, and a primitive in an object property as present")
  void blankValues() {
    ApiError error = failure(REQUIRED, "{\"n\":\"abc\",\"t\":[],\"d\":null,\"o\":\"\"}", Mode.CREATE);
    assertThat(error.getMessage()).isEqualTo("The `R` instance is not valid. Details: `n` can't be blank (value: NaN); "
        + "`t` can't be blank (value: []); `d` can't be blank (value: null).");
    assertThat(failure(REQUIRED, "{\"n\":1,\"t\":[\"a\"],\"d\":0,\"o\":[]}", Mode.CREATE).getMessage())
        .isEqualTo("The `R` instance is not valid. Details: `o` can't be blank (value: []).");
  }

  @Test
  @DisplayName("long string values are cut to 32 characters in the message, as juggler does")
  void truncatesLongValues() {
    ModelDefinition model = ModelLoader.parse(new JsonObject(
        "{\"name\":\"S\",\"properties\":{\"code\":{\"type\":\"string\",\"id\":true}},\"forceId\":true}"), "S.json");
    assertThat(failure(model, "{\"code\":\"abcdefghijklmnopqrstuvwxyz0123456789\"}", Mode.CREATE).getMessage())
        .isEqualTo("The `S` instance is not valid. Details: `code` can't be set (value: \"abcdefghijklmnopqrstuvwxy...789\").");
  }

  @Test
  @DisplayName("the cut keeps up to 3 closing characters of the end (outputs as Node gives them), found without backtracking over long runs")
  void truncationTail() {
    assertThat(ValidationErrors.truncate("{ a: [ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ] }"))
        .isEqualTo("{ a: [ 1, 2, 3, 4, 5, 6, ...] }");
    assertThat(ValidationErrors.truncate("abcdefghijklmnopqrstuvwxyz0123456789)"))
        .isEqualTo("abcdefghijklmnopqrstuvwxyz0...)");
    String spaces = " ".repeat(1_000_000);
    assertThat(ValidationErrors.truncate(spaces + "x")).isEqualTo(" ".repeat(25) + "...  x");
    assertThat(ValidationErrors.truncate("x" + spaces)).isEqualTo("x" + " ".repeat(24) + "...   ");
  }

  @Test
  @DisplayName("strict models reject undeclared properties after the declared rules, in data order")
  void strictModelsRejectUnknownProperties() {
    ApiError error = failure(STRICT, "{\"b\":1,\"a\":\"x\",\"title\":\"t\"}", Mode.CREATE);
    assertThat(error.getMessage()).isEqualTo("The `Strict` instance is not valid. Details: "
        + "`b` is not defined in the model (value: undefined); `a` is not defined in the model (value: undefined).");
    assertThat(((JsonObject) error.details()).getJsonObject("codes"))
        .isEqualTo(new JsonObject("{\"b\":[\"unknown-property\"],\"a\":[\"unknown-property\"]}"));
    assertThat(((JsonObject) error.details()).getJsonObject("messages").getJsonArray("a"))
        .containsExactly("is not defined in the model");
    assertThat(failure(STRICT, "{\"a\":\"x\"}", Mode.PATCH).getMessage()).isEqualTo("The `Strict` instance is not valid. "
        + "Details: `title` can't be blank (value: undefined); `a` is not defined in the model (value: undefined).");
  }

  @Test
  @DisplayName("a blank id on create is dropped so the store generates one")
  void blankIdsAreGenerated() {
    assertThat(Instances.prepare(NOTE, new JsonObject("{\"id\":null,\"title\":\"t\"}"), Mode.CREATE))
        .isEqualTo(new JsonObject("{\"title\":\"t\"}"));
    assertThat(Instances.prepare(NOTE, new JsonObject("{\"id\":\"abc\",\"title\":\"t\"}"), Mode.CREATE))
        .isEqualTo(new JsonObject("{\"title\":\"t\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("replace and patch validate like create but allow the id and apply no defaults")
  @CsvSource(delimiter = '|', value = {"REPLACE", "PATCH"})
  void updatesKeepTheId(Mode mode) {
    assertThat(Instances.prepare(NOTE, new JsonObject("{\"id\":\"3\",\"title\":\"t\"}"), mode).encode())
        .isEqualTo("{\"title\":\"t\",\"id\":3}");
    assertThat(failure(NOTE, "{\"id\":3,\"title\":\"\"}", mode).getMessage())
        .isEqualTo("The `Note` instance is not valid. Details: `title` can't be blank (value: \"\").");
  }

  @Test
  @DisplayName("a model without forceId accepts a client-chosen id on create")
  void forceIdFalseAcceptsIds() {
    ModelDefinition model = ModelLoader.parse(new JsonObject("{\"name\":\"Free\",\"forceId\":false}"), "Free.json");
    assertThat(Instances.prepare(model, new JsonObject("{\"id\":\"7\",\"a\":1}"), Mode.CREATE).encode())
        .isEqualTo("{\"id\":7,\"a\":1}");
  }

  @Test
  @DisplayName("property names juggler refuses (with a 500) are a 422 naming them")
  void refusedNames() {
    ModelDefinition myModel = ModelLoader.parse(new JsonObject("{\"name\":\"MyModel\"}"), "MyModel.json");
    assertThatThrownBy(() -> Instances.prepare(myModel, new JsonObject("{\"a.b\":1}"), Mode.CREATE))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("`a.b`");
        });
    assertThatThrownBy(() -> Instances.prepare(NOTE, new JsonObject("{\"title\":\"t\",\"constructor\":1}"), Mode.CREATE))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("`constructor`");
        });
  }
}
