package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.Instances.Mode;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Instances: key order, defaults, updateAll coercion and id coercion")
class InstancesTest {

  static final ModelDefinition NOTE = InstancesCoercionTest.NOTE;

  static final ModelDefinition DEFAULTS = ModelLoader.parse(new JsonObject("""
      {"name":"D","properties":{"s":{"type":"string","default":5},"x":{"type":"number","default":"12"},
        "dd":{"type":"date","default":"$now"},"f":{"type":"date","defaultFn":"now"},
        "bad":{"type":"date","default":"nope"},"t":{"type":"string"}}}"""), "D.json");

  static final ModelDefinition STRING_ID = ModelLoader.parse(new JsonObject(
      "{\"name\":\"Key\",\"properties\":{\"code\":{\"type\":\"string\",\"id\":true}}}"), "Key.json");

  @Test
  @DisplayName("keys come out as declared properties, then the id, then undeclared ones in their given order")
  void canonicalKeyOrder() {
    JsonObject data = new JsonObject("{\"zeta\":1,\"id\":4,\"meta\":{},\"alpha\":2,\"title\":\"t\",\"count\":1}");
    assertThat(Instances.prepare(NOTE, data, Mode.REPLACE).fieldNames())
        .containsExactly("title", "count", "meta", "id", "zeta", "alpha");
  }

  @Test
  @DisplayName("an id declared first stays first")
  void declaredIdKeepsItsPlace() {
    ModelDefinition model = ModelLoader.parse(new JsonObject(
        "{\"name\":\"M\",\"properties\":{\"id\":{\"type\":\"number\",\"id\":true},\"b\":\"string\"}}"), "M.json");
    assertThat(Instances.prepare(model, new JsonObject("{\"x\":0,\"b\":\"q\",\"id\":1}"), Mode.CREATE).fieldNames())
        .containsExactly("id", "b", "x");
  }

  @Test
  @DisplayName("properties never set are omitted, not null")
  void unsetPropertiesAreOmitted() {
    assertThat(Instances.prepare(NOTE, new JsonObject("{\"title\":\"t\"}"), Mode.CREATE).encode())
        .isEqualTo("{\"title\":\"t\"}");
  }

  @Test
  @DisplayName("create applies defaults to absent properties, as declared (juggler does not coerce them)")
  void defaultsOnCreate() {
    long before = System.currentTimeMillis();
    JsonObject result = Instances.prepare(DEFAULTS, new JsonObject("{\"bad\":null,\"t\":null}"), Mode.CREATE);
    assertThat(result.getValue("s")).isEqualTo(5L);
    assertThat(result.getValue("x")).isEqualTo("12");
    assertThat(result.containsKey("bad")).isTrue();
    assertThat(result.getValue("bad")).isNull();
    assertThat(result.getValue("t")).isNull();
    for (String now : new String[] {"dd", "f"}) {
      assertThat(result.getString(now)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
      assertThat(Instant.parse(result.getString(now)).toEpochMilli()).isBetween(before, System.currentTimeMillis());
    }
    assertThat(result.fieldNames()).containsExactly("s", "x", "dd", "f", "bad", "t");
  }

  @Test
  @DisplayName("a default that is not a valid date fails the date validation; replace applies defaults again, patch none")
  void defaultsAreValidatedAndOnlyForCreateAndReplace() {
    for (Mode mode : new Mode[] {Mode.CREATE, Mode.REPLACE}) {
      assertThatThrownBy(() -> Instances.prepare(DEFAULTS, new JsonObject("{\"id\":1}"), mode))
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage())
              .contains("`bad` is not a valid date (value: \"nope\")."));
    }
    JsonObject replaced = Instances.prepare(DEFAULTS, new JsonObject("{\"id\":1,\"bad\":null}"), Mode.REPLACE);
    assertThat(replaced.fieldNames()).containsExactly("s", "x", "dd", "f", "bad", "id");
    assertThat(Instances.prepare(DEFAULTS, new JsonObject("{\"id\":1}"), Mode.PATCH).encode()).isEqualTo("{\"id\":1}");
  }

  // Expected values: juggler 3.36.1 Note.updateAll({}, data) followed by a read of the instance.
  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("updateAll bodies are coerced key by key, never validated, never given defaults")
  @CsvSource(delimiter = '|', value = {
      "{\"count\":\"abc\"}|{\"count\":null}", "{\"count\":\"42\",\"title\":null}|{\"title\":null,\"count\":42}",
      "{\"done\":\"no\"}|{\"done\":true}", "{\"title\":[1,2]}|{\"title\":[\"1\",\"2\"]}",
      "{\"title\":{\"a\":1}}|{\"title\":\"[object Object]\"}", "{\"tags\":[1,null]}|{\"tags\":[\"1\",\"null\"]}",
      "{\"when\":\"2020-01-01\"}|{\"when\":\"2020-01-01T00:00:00.000Z\"}", "{\"zz\":1}|{\"zz\":1}",
      "{\"when\":[\"2020-01-01\",0]}|{\"when\":[\"2020-01-01T00:00:00.000Z\",\"1970-01-01T00:00:00.000Z\"]}",
      "{\"title\":\"\"}|{\"title\":\"\"}", "{}|{}"})
  void coerceOnly(String data, String expected) {
    assertThat(Instances.prepare(NOTE, new JsonObject(data), Mode.COERCE_ONLY)).isEqualTo(new JsonObject(expected));
  }

  @Test
  @DisplayName("updateAll: an invalid date is a 422 (LoopBack: 500), a non-list for a list a 400, unknown keys of strict models dropped")
  void coerceOnlyFailures() {
    assertThatThrownBy(() -> Instances.prepare(NOTE, new JsonObject("{\"when\":\"bad\"}"), Mode.COERCE_ONLY))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.toJson().getJsonObject("error").getJsonObject("details").getJsonObject("codes")
              .getJsonArray("when")).containsExactly("date");
        });
    assertThatThrownBy(() -> Instances.prepare(NOTE, new JsonObject("{\"tags\":\"x\"}"), Mode.COERCE_ONLY))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(Instances.prepare(InstancesValidationTest.STRICT, new JsonObject("{\"zz\":1,\"title\":5}"),
        Mode.COERCE_ONLY).encode()).isEqualTo("{\"title\":\"5\"}");
  }

  @ParameterizedTest(name = "number id {0} -> {1}")
  @DisplayName("number ids: numeric strings and numbers become Long (or Double), anything else null")
  @CsvSource(delimiter = '|', value = {
      "\"1\"|1", "1|1", "1.0|1", "\"1.5\"|1.5", "\" 2 \"|2", "\"abc\"|null", "\"1.5x\"|null", "\"\"|null",
      "\"  \"|null", "true|null", "{}|null", "[1]|null", "null|null", "\"Infinity\"|null"})
  void coercesNumberIds(String raw, String expected) {
    Object id = Instances.coerceId(NOTE, Json.decodeValue(raw));
    assertThat(Json.encode(id)).isEqualTo(expected);
    if (id != null && !expected.contains(".")) {
      assertThat(id).isInstanceOf(Long.class);
    }
  }

  @ParameterizedTest(name = "string id {0} -> {1}")
  @DisplayName("string ids: strings as given, numbers and booleans as JS prints them")
  @CsvSource(delimiter = '|', value = {"\"abc\"|\"abc\"", "\"1\"|\"1\"", "5|\"5\"", "1.5|\"1.5\"", "true|\"true\"",
      "{}|null", "null|null"})
  void coercesStringIds(String raw, String expected) {
    assertThat(Json.encode(Instances.coerceId(STRING_ID, Json.decodeValue(raw)))).isEqualTo(expected);
  }

  @Test
  @DisplayName("non-generated ids are coerced to their type when written")
  void nonGeneratedIdsAreCoerced() {
    assertThat(Instances.prepare(STRING_ID, new JsonObject("{\"code\":12}"), Mode.CREATE).encode())
        .isEqualTo("{\"code\":\"12\"}");
  }
}
