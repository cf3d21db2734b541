package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values were printed by Node 20 for the same inputs.
@DisplayName("JsValues reproduces JavaScript's conversions")
class JsValuesTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @DisplayName("numbers print as Number.prototype.toString prints them")
  @CsvSource(delimiter = '|', value = {
      "0|0", "-0.0|0", "1|1", "-1|-1", "1.5|1.5", "0.1|0.1", "123456789|123456789", "1e21|1e+21",
      "1e20|100000000000000000000", "123456789012345680000|123456789012345680000", "1.2345e-7|1.2345e-7",
      "0.000001|0.000001", "1e-7|1e-7", "-2.5e-8|-2.5e-8", "3.14159|3.14159",
      "0.3333333333333333|0.3333333333333333", "9007199254740992|9007199254740992", "1e300|1e+300",
      "-1e21|-1e+21", "100|100", "0.5|0.5", "NaN|NaN", "Infinity|Infinity", "-Infinity|-Infinity"})
  void formatsNumbers(double value, String expected) {
    assertThat(JsValues.numberToString(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Number({0}) is {1}")
  @DisplayName("strings convert as Number(string) converts them")
  @CsvSource(delimiter = '|', value = {
      "'42'|42", "' 42 '|42", "''|0", "'   '|0", "'abc'|NaN", "'1.5x'|NaN", "'0x10'|16", "'0X1f'|31",
      "'0b101'|5", "'0o17'|15", "'-0x10'|NaN", "'1e3'|1000", "'1E-2'|0.01", "'.5'|0.5", "'5.'|5", "'+5'|5",
      "'-5'|-5", "'Infinity'|Infinity", "'-Infinity'|-Infinity", "'infinity'|NaN", "'1_000'|NaN",
      "'1,5'|NaN", "'NaN'|NaN", "'0.1e1'|1", "'00012'|12", "'1e1000'|Infinity", "'1d'|NaN", "'0x1p3'|NaN"})
  void parsesNumbers(String text, String expected) {
    assertThat(JsValues.numberToString(JsValues.parseNumber(text))).isEqualTo(expected);
  }

  @Test
  @DisplayName("Number(x) of non-strings: booleans 1/0, arrays through their string, objects NaN")
  void convertsOtherValuesToNumbers() {
    assertThat(JsValues.toNumber(true)).isEqualTo(1);
    assertThat(JsValues.toNumber(false)).isEqualTo(0);
    assertThat(JsValues.toNumber(null)).isEqualTo(0);
    assertThat(JsValues.toNumber(new JsonArray())).isEqualTo(0);
    assertThat(JsValues.toNumber(new JsonArray().add("5"))).isEqualTo(5);
    assertThat(JsValues.toNumber(new JsonArray().add(1).add(2))).isNaN();
    assertThat(JsValues.toNumber(new JsonObject())).isNaN();
  }

  @Test
  @DisplayName("String(x): arrays join with commas, nested and null items included; objects are [object Object]")
  void convertsToStrings() {
    assertThat(JsValues.toJsString(123)).isEqualTo("123");
    assertThat(JsValues.toJsString(1.5)).isEqualTo("1.5");
    assertThat(JsValues.toJsString(1e21)).isEqualTo("1e+21");
    assertThat(JsValues.toJsString(true)).isEqualTo("true");
    assertThat(JsValues.toJsString(null)).isEqualTo("null");
    assertThat(JsValues.toJsString(new JsonArray("[null,\"x\",[1,2]]"))).isEqualTo(",x,1,2");
    assertThat(JsValues.toJsString(new JsonObject().put("a", 1))).isEqualTo("[object Object]");
  }

  @Test
  @DisplayName("computed numbers are stored as Long when integral, Double otherwise, null when not finite")
  void storesNumbers() {
    assertThat(JsValues.toJsonNumber(42.0)).isEqualTo(42L);
    assertThat(JsValues.toJsonNumber(-0.0)).isEqualTo(0L);
    assertThat(JsValues.toJsonNumber(1.5)).isEqualTo(1.5);
    assertThat(JsValues.toJsonNumber(Double.NaN)).isNull();
    assertThat(JsValues.toJsonNumber(Double.POSITIVE_INFINITY)).isNull();
    assertThat(JsValues.toJsonNumber(Integer.valueOf(7))).isEqualTo(7L);
  }

  @Test
  @DisplayName("JSON.stringify of a string escapes quotes, backslashes and control characters")
  void quotesStrings() {
    assertThat(JsValues.quote("a\"b\\c\n\t\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001é\"");
  }
}
