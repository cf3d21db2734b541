package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.Instances.Mode;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values were produced by loopback-datasource-juggler 3.36.1 (memory connector) creating a
// Note with the same data: JSON.stringify of the created instance.
@DisplayName("Instances.prepare coerces written values to the declared types as juggler does")
class InstancesCoercionTest {

  static final ModelDefinition NOTE = ModelLoader.parse(new JsonObject("""
      { "name": "Note", "base": "PersistedModel", "properties": {
          "title": { "type": "string", "required": true }, "count": { "type": "number" },
          "done": { "type": "boolean" }, "when": { "type": "date" },
          "tags": { "type": ["string"] }, "meta": { "type": "object" } } }"""), "Note.json");

  static final ModelDefinition LISTS = ModelLoader.parse(new JsonObject("""
      { "name": "L", "properties": { "n": ["number"], "b": ["boolean"], "d": ["date"], "o": ["object"],
          "a": ["any"], "u": "array", "s": "string", "x": "text", "g": "GeoPoint" } }"""), "L.json");

  /** The stored value of {@code property} after creating a Note with {@code {"title":"a", property: raw}}. */
  static String created(ModelDefinition model, String property, String rawJson) {
    JsonObject data = new JsonObject().put("title", "a").put(property, Json.decodeValue(rawJson));
    return Json.encode(Instances.prepare(model, data, Mode.CREATE).getValue(property));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @DisplayName("scalar properties: number, boolean, string, date and object values")
  @CsvSource(delimiter = '|', value = {
      "count|\"42\"|42", "count|\"abc\"|null", "count|\"\"|0", "count|\" 7 \"|7", "count|\"0x10\"|16",
      "count|true|1", "count|[5]|5", "count|{}|null", "count|\"1e3\"|1000", "count|1.0|1", "count|2.5|2.5",
      "count|\"Infinity\"|null", "count|null|null", "count|42|42",
      "done|\"yes\"|true", "done|\"true\"|true", "done|1|true", "done|\"false\"|false", "done|\"0\"|false",
      "done|\"\"|false", "done|0|false", "done|\"no\"|true", "done|{}|true", "done|[]|true", "done|null|null",
      "done|2|true",
      "title|123|\"123\"", "title|true|\"true\"", "title|1.5|\"1.5\"", "title|{\"a\":1}|\"[object Object]\"",
      "title|[1,2]|\"1,2\"", "title|\" \"|\" \"", "title|0|\"0\"", "title|false|\"false\"",
      "title|1e21|\"1e+21\"", "title|[null,\"x\",[1,2]]|\",x,1,2\"",
      "when|\"2020-01-02\"|\"2020-01-02T00:00:00.000Z\"",
      "when|\"2020-01-02T03:04:05Z\"|\"2020-01-02T03:04:05.000Z\"",
      "when|\"2020-01-02T03:04:05.123+02:00\"|\"2020-01-02T01:04:05.123Z\"",
      "when|1577923200000|\"2020-01-02T00:00:00.000Z\"", "when|true|\"1970-01-01T00:00:00.001Z\"",
      "when|1.5|\"1970-01-01T00:00:00.001Z\"", "when|null|null", "when|\"Jan 2 2020\"|\"2020-01-02T00:00:00.000Z\"",
      "when|\"2020-02-30\"|\"2020-03-01T00:00:00.000Z\"",
      "meta|\"x\"|\"x\"", "meta|\"{\\\"a\\\":1}\"|\"{\\\"a\\\":1}\"", "meta|5|5", "meta|[1,\"2\"]|[1,\"2\"]",
      "meta|{\"b\":[1]}|{\"b\":[1]}", "meta|false|false", "meta|null|null"})
  void coercesScalars(String property, String raw, String expected) {
    assertThat(created(NOTE, property, raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "tags: {0} -> {1}")
  @DisplayName("list properties: items coerced by the item type, JSON strings parsed, falsy values empty")
  @CsvSource(delimiter = '|', value = {
      "[1,2]|[\"1\",\"2\"]", "\"[\\\"a\\\",1]\"|[\"a\",\"1\"]", "[null,true,{\"a\":1},[1]]|[\"null\",\"true\",\"[object Object]\",[1]]",
      "[]|[]", "null|null", "0|[]", "false|[]"})
  void coercesLists(String raw, String expected) {
    assertThat(created(NOTE, "tags", raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @DisplayName("list item types: number, boolean (plain Boolean(x)), date, object, any, untyped")
  @CsvSource(delimiter = '|', value = {
      "n|[\"1\",\"x\",null,true,[2]]|[1,null,0,1,[2]]", "b|[\"false\",\"\",0,1,null]|[true,false,false,true,false]",
      "d|[\"2020-01-01\",0,\"bad\",null]|[\"2020-01-01T00:00:00.000Z\",\"1970-01-01T00:00:00.000Z\",null,null]",
      "o|[1,\"s\",null,{\"a\":1}]|[1,\"s\",{},{\"a\":1}]", "a|[1,\"s\",null]|[1,\"s\",null]",
      "u|[1,\"s\",null]|[1,\"s\",null]", "u|\"[1]\"|[1]", "s|{\"a\":1}|\"[object Object]\"", "x|5|5",
      "g|{\"lat\":1,\"lng\":2}|{\"lat\":1,\"lng\":2}"})
  void coercesListItems(String property, String raw, String expected) {
    assertThat(created(LISTS, property, raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "tags: {0} -> 400 {1}")
  @DisplayName("a list property given something that is not a list is a 400 Error")
  @CsvSource(delimiter = '|', value = {
      "\"x\"|could not create List from JSON string: \"x\"", "\"\"|could not create List from JSON string: \"\"",
      "5|Items must be an array: 5", "true|Items must be an array: true",
      "{\"a\":1}|Items must be an array: {\"a\":1}", "\"5\"|Items must be an array: 5"})
  void rejectsNonLists(String raw, String message) {
    assertThatThrownBy(() -> created(NOTE, "tags", raw))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.name()).isEqualTo("Error");
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  @Test
  @DisplayName("the input is never modified and nested values are not shared with the result")
  void doesNotTouchTheInput() {
    JsonObject data = new JsonObject("{\"title\":1,\"meta\":{\"a\":[1]},\"x\":{\"y\":1}}");
    JsonObject before = data.copy();
    JsonObject result = Instances.prepare(NOTE, data, Mode.CREATE);
    result.getJsonObject("meta").put("b", 2);
    result.getJsonObject("x").put("z", 2);
    assertThat(data).isEqualTo(before);
  }

  @Test
  @DisplayName("stored numbers are Longs when integral, as JSON prints them without a fraction")
  void storesIntegralNumbersAsLongs() {
    JsonObject result = Instances.prepare(NOTE, new JsonObject().put("title", "t").put("count", "42"), Mode.CREATE);
    assertThat(result.getValue("count")).isEqualTo(42L);
    assertThat(result.encode()).isEqualTo("{\"title\":\"t\",\"count\":42}");
  }
}
