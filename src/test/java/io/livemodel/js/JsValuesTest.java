package io.livemodel.js;

import static io.livemodel.js.JsValues.UNDEFINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

// Expected values were printed by Node 20 (TZ=UTC) for the same inputs.
@DisplayName("JsValues reproduces JavaScript's conversions on Vert.x JSON values")
class JsValuesTest {

  @Test
  @DisplayName("String(x): null, undefined, numbers, booleans, objects, arrays (null items empty), dates")
  void convertsToStrings() {
    assertThat(JsValues.toJsString(null)).isEqualTo("null");
    assertThat(JsValues.toJsString(UNDEFINED)).isEqualTo("undefined");
    assertThat(JsValues.toJsString(123)).isEqualTo("123");
    assertThat(JsValues.toJsString(1.5)).isEqualTo("1.5");
    assertThat(JsValues.toJsString(1e21)).isEqualTo("1e+21");
    assertThat(JsValues.toJsString(Long.MAX_VALUE)).isEqualTo("9223372036854776000");
    assertThat(JsValues.toJsString(true)).isEqualTo("true");
    assertThat(JsValues.toJsString(new JsonObject().put("a", 1))).isEqualTo("[object Object]");
    assertThat(JsValues.toJsString(Map.of("a", 1))).isEqualTo("[object Object]");
    assertThat(JsValues.toJsString(new JsonArray().add("a").addNull().add(2))).isEqualTo("a,,2");
    assertThat(JsValues.toJsString(new JsonArray("[null,\"x\",[1,2]]"))).isEqualTo(",x,1,2");
    assertThat(JsValues.toJsString(List.of("a", List.of(1, 2)))).isEqualTo("a,1,2");
    assertThat(JsValues.toJsString(Instant.parse("2020-01-02T03:04:05Z")))
        .isEqualTo("Thu Jan 02 2020 03:04:05 GMT+0000 (Coordinated Universal Time)");
    assertThat(JsValues.toJsString(new JsDate(0L)))
        .isEqualTo("Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)");
    assertThat(JsValues.toJsString(new JsDate(null))).isEqualTo("Invalid Date");
  }

  @Test
  @DisplayName("Number(x) of non-strings: booleans 1/0, null 0, undefined NaN, arrays through their string, objects NaN, dates their time")
  void convertsOtherValuesToNumbers() {
    assertThat(JsValues.toNumber(true)).isEqualTo(1);
    assertThat(JsValues.toNumber(false)).isEqualTo(0);
    assertThat(JsValues.toNumber(null)).isEqualTo(0);
    assertThat(JsValues.toNumber(UNDEFINED)).isNaN();
    assertThat(JsValues.toNumber(new JsonArray())).isEqualTo(0);
    assertThat(JsValues.toNumber(new JsonArray().add("5"))).isEqualTo(5);
    assertThat(JsValues.toNumber(new JsonArray().add(1).add(2))).isNaN();
    assertThat(JsValues.toNumber(new JsonObject())).isNaN();
    assertThat(JsValues.toNumber(Instant.ofEpochMilli(5))).isEqualTo(5);
    assertThat(JsValues.toNumber(new JsDate(5L))).isEqualTo(5);
    assertThat(JsValues.toNumber(new JsDate(null))).isNaN();
  }

  @Test
  @DisplayName("Boolean(x): null, undefined, false, 0, NaN and \"\" are falsy; objects and arrays truthy")
  void truthiness() {
    assertThat(JsValues.truthy(null)).isFalse();
    assertThat(JsValues.truthy(UNDEFINED)).isFalse();
    assertThat(JsValues.truthy(false)).isFalse();
    assertThat(JsValues.truthy(0)).isFalse();
    assertThat(JsValues.truthy(Double.NaN)).isFalse();
    assertThat(JsValues.truthy("")).isFalse();
    assertThat(JsValues.truthy("0")).isTrue();
    assertThat(JsValues.truthy(new JsonArray())).isTrue();
    assertThat(JsValues.truthy(new JsonObject())).isTrue();
    assertThat(JsValues.isNullish(UNDEFINED)).isTrue();
    assertThat(JsValues.isNullish(null)).isTrue();
    assertThat(JsValues.isNullish(0)).isFalse();
  }

  @Test
  @DisplayName("trim() strips JavaScript white space and line terminators only")
  void trims() {
    assertThat(JsValues.trim("\t\n\u000b\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeffx \u200b"))
        .isEqualTo("x \u200b");
  }

  @Test
  @DisplayName("paths walk objects and arrays and stop at null or absent steps")
  void getValue() {
    JsonObject o = new JsonObject("{\"a\":{\"b\":[{\"c\":1}]},\"n\":null}");
    assertThat(JsValues.getValue(o, "a.b.0.c")).isEqualTo(1);
    assertThat(JsValues.getValue(o, "a.b.length")).isEqualTo(1);
    assertThat(JsValues.getValue(o, "n.x")).isNull();
    assertThat(JsValues.getValue(o, "z.x")).isSameAs(UNDEFINED);
  }

  @Test
  @DisplayName("JSON.stringify of a string escapes quotes, backslashes and control characters")
  void quotesStrings() {
    assertThat(JsValues.quote("a\"b\\c\n\t\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001é\"");
    assertThat(JsValues.quote("\ud800x")).isEqualTo("\"\\ud800x\"");
  }
}
