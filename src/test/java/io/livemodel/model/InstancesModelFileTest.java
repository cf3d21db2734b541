package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.Instances.Mode;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Instances honour defaultFn, applyDefaultOnWrites, strict filter, default-scope values and nested types")
class InstancesModelFileTest {

  static ModelDefinition model(String json) {
    return ModelLoader.parse(new JsonObject(json), "m.json");
  }

  @Test
  @DisplayName("uuid and guid are version-1 UUIDs, uuidv4 random ones, all distinct; now on a string is an ISO string")
  void defaultFns() {
    ModelDefinition m = model("""
        {"name":"M","properties":{"a":{"type":"string","defaultFn":"uuid"},"b":{"type":"string","defaultFn":"guid"},
         "c":{"type":"string","defaultFn":"uuidv4"},"d":{"type":"string","defaultFn":"now"},
         "e":{"type":"string","defaultFn":"unknown"},"f":{"type":"string","defaultFn":"uuid"}}}""");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      JsonObject out = Instances.prepare(m, new JsonObject(), Mode.CREATE);
      assertThat(UUID.fromString(out.getString("a")).version()).isEqualTo(1);
      assertThat(UUID.fromString(out.getString("b")).version()).isEqualTo(1);
      assertThat(UUID.fromString(out.getString("c")).version()).isEqualTo(4);
      assertThat(UUID.fromString(out.getString("a")).variant()).isEqualTo(2);
      assertThat(out.getString("d")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(out.containsKey("e")).isFalse();
      assertThat(seen.add(out.getString("a")) && seen.add(out.getString("f")) && seen.add(out.getString("c"))).isTrue();
    }
    assertThat(Instances.prepare(m, new JsonObject().put("a", "given").putNull("c"), Mode.CREATE).getValue("a"))
        .isEqualTo("given");
    assertThat(Instances.prepare(m, new JsonObject().putNull("c"), Mode.CREATE).getValue("c"))
        .as("null is a value: no defaultFn").isNull();
    assertThat(Instances.prepare(m, new JsonObject().put("id", 1), Mode.PATCH).fieldNames()).containsExactly("id");
  }

  @Test
  @DisplayName("an id with defaultFn uuidv4 is set on create and kept on replace")
  void uuidId() {
    ModelDefinition m = model("{\"name\":\"M\",\"properties\":{\"id\":{\"type\":\"string\",\"id\":true,\"defaultFn\":\"uuidv4\"}}}");
    assertThat(m.forceId()).isFalse();
    String id = Instances.prepare(m, new JsonObject(), Mode.CREATE).getString("id");
    assertThat(UUID.fromString(id).version()).isEqualTo(4);
    assertThat(Instances.prepare(m, new JsonObject().put("id", id), Mode.REPLACE).getString("id")).isEqualTo(id);
  }

  @Test
  @DisplayName("applyDefaultOnWrites: false writes no default, and a create does not store a value equal to it")
  void applyDefaultOnWrites() {
    ModelDefinition m = model("""
        {"name":"M","properties":{"n":{"type":"number","default":3,"applyDefaultOnWrites":false},
         "s":{"type":"string","default":"x","applyDefaultOnWrites":true}}}""");
    assertThat(Instances.prepare(m, new JsonObject(), Mode.CREATE).encode()).isEqualTo("{\"s\":\"x\"}");
    assertThat(Instances.prepare(m, new JsonObject().put("n", "3"), Mode.CREATE).containsKey("n")).isFalse();
    assertThat(Instances.prepare(m, new JsonObject().put("n", 4), Mode.CREATE).getValue("n")).isEqualTo(4L);
    assertThat(Instances.prepare(m, new JsonObject().put("n", 3).put("id", 1), Mode.REPLACE).getValue("n"))
        .as("only create drops it").isEqualTo(3L);
  }

  @Test
  @DisplayName("strict filter drops undeclared keys in every mode, strict true rejects them, strict false keeps them")
  void strictModes() {
    ModelDefinition filter = model("{\"name\":\"M\",\"strict\":\"filter\",\"properties\":{\"a\":\"string\"}}");
    JsonObject data = new JsonObject().put("a", "x").put("b", 1).put("c.d", 2);
    for (Mode mode : Mode.values()) {
      assertThat(Instances.prepare(filter, data, mode).encode()).isEqualTo("{\"a\":\"x\"}");
    }
    for (String strict : new String[] {"true", "\"throw\"", "\"validate\""}) {
      ModelDefinition rejecting = model("{\"name\":\"M\",\"strict\":" + strict + ",\"properties\":{\"a\":\"string\"}}");
      assertThatThrownBy(() -> Instances.prepare(rejecting, data, Mode.CREATE))
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.statusCode()).isEqualTo(422));
    }
    ModelDefinition open = model("{\"name\":\"M\",\"properties\":{\"a\":\"string\"}}");
    assertThat(Instances.prepare(open, new JsonObject().put("b", 1), Mode.CREATE).getValue("b")).isEqualTo(1);
  }

  @Test
  @DisplayName("a default scope's plain where values are forced on every write, also inside and; operators and null are not")
  void scopeValues() {
    ModelDefinition m = model("""
        {"name":"M","properties":{"a":"boolean","b":"string","c":"number","d":"string","e":"string"},
         "scope":{"where":{"a":"true","and":[{"b":"x"},{"c":{"gt":1}}],"d":null,"undeclared":1,"e":["y"]}}}""");
    JsonObject data = new JsonObject().put("a", false).put("b", "y").put("c", 0).put("d", "keep").put("e", "z");
    for (Mode mode : Mode.values()) {
      JsonObject out = Instances.prepare(m, data, mode);
      assertThat(out.getValue("a")).as("forced, then coerced").isEqualTo(true);
      assertThat(out.getString("b")).isEqualTo("x");
      assertThat(out.getValue("c")).isEqualTo(0L);
      assertThat(out.getString("d")).isEqualTo("keep");
      assertThat(out.getString("e")).isEqualTo("z");
      assertThat(out.containsKey("undeclared")).isFalse();
    }
    assertThat(data.getBoolean("a")).as("the input is not modified").isFalse();
  }

  @Test
  @DisplayName("nested anonymous models: members coerced, defaults applied, unknown members kept, non-object items of a list left alone, a non-object value a 422")
  void nested() {
    ModelDefinition m = model("""
        {"name":"M","properties":{
          "o":{"type":{"n":"number","inner":{"type":{"b":"boolean"}},"d":{"type":"string","default":"dflt"}}},
          "list":{"type":[{"when":"date"}]},
          "bare":{"x":"number"}}}""");
    JsonObject out = Instances.prepare(m, new JsonObject("""
        {"o":{"extra":1,"n":"7","inner":{"b":"0"}},"list":[{"when":86400000},5,null]}"""), Mode.CREATE);
    assertThat(out.getJsonObject("o").encode()).isEqualTo("{\"n\":7,\"inner\":{\"b\":false},\"d\":\"dflt\",\"extra\":1}");
    assertThat(out.getJsonArray("list").encode()).isEqualTo("[{\"when\":\"1970-01-02T00:00:00.000Z\"},5,{}]");
    assertThatThrownBy(() -> Instances.prepare(m, new JsonObject("{\"bare\":\"text\"}"), Mode.CREATE))
        .as("LoopBack stores a string's characters as keys; a client's mistake here")
        .isInstanceOf(ApiError.class).hasMessageContaining("`bare` is not an object");
    JsonObject other = Instances.prepare(m, new JsonObject("{\"o\":{\"inner\":{\"b\":1}},\"bare\":{\"x\":\"1\"}}"),
        Mode.PATCH);
    assertThat(other.encode()).as("a member without a value gets its default; nested models are not validated")
        .isEqualTo("{\"o\":{\"inner\":{\"b\":true},\"d\":\"dflt\"},\"bare\":{\"x\":1}}");
  }
}
