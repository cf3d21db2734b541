package io.livemodel.model.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Settings merge along a base chain as juggler 3's mergeSettings merges them")
class SettingsMergeTest {

  static JsonObject merge(String base, String derived) {
    return SettingsMerge.merge(new JsonObject(base), new JsonObject(derived));
  }

  @Test
  @DisplayName("legacy policy: hidden accumulates, acls append, relations patch, description replaces, the rest deep-merges")
  void legacy() {
    JsonObject merged = merge("""
        {"hidden":["a","b"],"acls":[{"p":1}],"relations":{"r":{"type":"hasMany","model":"X","foreignKey":"k"},"s":{}},
         "description":["base"],"http":{"path":"/p","x":1},"scope":{"where":{"a":1},"order":"a"},"mixins":{"M":{"x":1}},
         "strict":true,"validations":["v"]}""", """
        {"hidden":["b","c"],"acls":[{"p":1},{"p":2}],"relations":{"r":{"type":"belongsTo","model":"Y"}},
         "description":["mine"],"http":{"x":2},"scope":{"where":{"b":2}},"mixins":{"M":{"y":2}},"strict":"filter",
         "validations":["v","w"]}""");
    assertThat(merged.getJsonArray("hidden").encode()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(merged.getJsonArray("acls").encode()).isEqualTo("[{\"p\":1},{\"p\":1},{\"p\":2}]");
    assertThat(merged.getJsonObject("relations").encode())
        .isEqualTo("{\"r\":{\"type\":\"belongsTo\",\"model\":\"Y\"},\"s\":{}}");
    assertThat(merged.getJsonArray("description").encode()).isEqualTo("[\"mine\"]");
    assertThat(merged.getJsonObject("http").encode()).isEqualTo("{\"path\":\"/p\",\"x\":2}");
    assertThat(merged.getJsonObject("scope").encode()).isEqualTo("{\"where\":{\"a\":1,\"b\":2},\"order\":\"a\"}");
    assertThat(merged.getJsonObject("mixins").encode()).isEqualTo("{\"M\":{\"x\":1,\"y\":2}}");
    assertThat(merged.getString("strict")).isEqualTo("filter");
    assertThat(merged.getJsonArray("validations").encode()).isEqualTo("[\"v\",\"w\"]");
  }

  @Test
  @DisplayName("a null replaces under the legacy policy and deletes under configureModelMerge: true, which also replaces scope")
  void recommended() {
    assertThat(merge("{\"scope\":{\"where\":{\"a\":1}},\"x\":1}", "{\"x\":null}").encode())
        .isEqualTo("{\"scope\":{\"where\":{\"a\":1}},\"x\":null}");
    JsonObject merged = merge("{\"scope\":{\"where\":{\"a\":1}},\"x\":1,\"y\":{\"a\":1}}",
        "{\"configureModelMerge\":true,\"scope\":{\"order\":\"b\"},\"x\":null,\"y\":{\"b\":2}}");
    assertThat(merged.containsKey("x")).isFalse();
    assertThat(merged.getJsonObject("scope").encode()).isEqualTo("{\"order\":\"b\"}");
    assertThat(merged.getJsonObject("y").encode()).as("__default: replace").isEqualTo("{\"b\":2}");
  }

  @Test
  @DisplayName("neither input is modified")
  void pure() {
    JsonObject base = new JsonObject("{\"hidden\":[\"a\"],\"relations\":{\"r\":{}}}");
    JsonObject derived = new JsonObject("{\"hidden\":[\"b\"],\"relations\":{\"s\":{}}}");
    SettingsMerge.merge(base, derived).getJsonArray("hidden").add("z");
    assertThat(base.encode()).isEqualTo("{\"hidden\":[\"a\"],\"relations\":{\"r\":{}}}");
    assertThat(derived.encode()).isEqualTo("{\"hidden\":[\"b\"],\"relations\":{\"s\":{}}}");
  }
}
