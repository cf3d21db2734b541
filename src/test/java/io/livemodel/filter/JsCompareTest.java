package io.livemodel.filter;

import static io.livemodel.filter.JsValues.MISSING;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("JavaScript value semantics on Vert.x JSON values")
class JsValuesTest {

  @ParameterizedTest(name = "String({0}) = {1}")
  @CsvSource({"5,5", "5.5,5.5", "1e21,1e+21", "1e-7,1e-7", "0.000001,0.000001", "-0.0,0",
      "123456789012345680000,123456789012345680000", "100.0,100", "2.5e-3,0.0025"})
  @DisplayName("numbers print as JavaScript prints them")
  void numberToString(double value, String expected) {
    assertThat(JsNumbers.toString(value)).isEqualTo(expected);
  }

  @Test
  @DisplayName("String() of other values: null, undefined, objects, arrays, dates")
  void toJsString() {
    assertThat(JsValues.toJsString(null)).isEqualTo("null");
    assertThat(JsValues.toJsString(MISSING)).isEqualTo("undefined");
    assertThat(JsValues.toJsString(new JsonObject().put("a", 1))).isEqualTo("[object Object]");
    assertThat(JsValues.toJsString(new JsonArray().add("a").addNull().add(2))).isEqualTo("a,,2");
    assertThat(JsValues.toJsString(Instant.parse("2020-01-02T03:04:05Z")))
        .isEqualTo("Thu Jan 02 2020 03:04:05 GMT+0000 (Coordinated Universal Time)");
    assertThat(JsValues.toJsString(Long.MAX_VALUE)).isEqualTo("9223372036854776000");
  }

  @ParameterizedTest(name = "Number(\"{0}\") = {1}")
  @CsvSource(delimiter = '|', value = {
      "42|42", " 12 |12", "|0", "1e3|1000", ".5|0.5", "5.|5", "-3|-3", "+3|3", "0x10|16", "0b101|5",
      "0o17|15", "Infinity|Infinity", "abc|NaN", "12px|NaN", "1e|NaN", "-0x10|NaN", "NaN|NaN", "1_000|NaN"})
  @DisplayName("strings convert to numbers as JavaScript's Number() does")
  void stringToNumber(String text, double expected) {
    assertThat(Double.valueOf(JsNumbers.parse(text == null ? "" : text))).isEqualTo(Double.valueOf(expected));
  }

  @Test
  @DisplayName("loose equality: number and string, null and undefined, booleans, objects by identity")
  void looseEquals() {
    assertThat(JsCompare.looseEquals(3, "3")).isTrue();
    assertThat(JsCompare.looseEquals(3L, 3.0)).isTrue();
    assertThat(JsCompare.looseEquals(null, MISSING)).isTrue();
    assertThat(JsCompare.looseEquals(null, 0)).isFalse();
    assertThat(JsCompare.looseEquals(true, 1)).isTrue();
    assertThat(JsCompare.looseEquals(true, "1")).isTrue();
    assertThat(JsCompare.looseEquals(new JsonArray().add(1).add(2), "1,2")).isTrue();
    assertThat(JsCompare.looseEquals(new JsonObject(), new JsonObject())).isFalse();
    assertThat(JsCompare.looseEquals(Instant.EPOCH, Instant.EPOCH)).isTrue();
  }

  @Test
  @DisplayName("relational comparison: strings by code unit, otherwise numerically, NaN is never less")
  void lessThan() {
    assertThat(JsCompare.lessThan("Beta", "alpha")).isTrue();
    assertThat(JsCompare.lessThan("10", "9")).isTrue();
    assertThat(JsCompare.lessThan("10", 9)).isFalse();
    assertThat(JsCompare.lessThan(null, 1)).isTrue();
    assertThat(JsCompare.lessThan(MISSING, 1)).isFalse();
    assertThat(JsCompare.lessThan("abc", 1)).isFalse();
    assertThat(JsCompare.lessThan(1, "abc")).isFalse();
    assertThat(JsCompare.lessThan("\uD83D\uDE00", "\uFFFF")).isTrue();
  }

  @Test
  @DisplayName("the connector's compare gives NaN for null against a value and 0 for null against absent")
  void compare() {
    assertThat(JsCompare.compare(null, MISSING)).isZero();
    assertThat(JsCompare.compare(null, 1)).isNaN();
    assertThat(JsCompare.compare(5, "3")).isEqualTo(2);
    assertThat(JsCompare.compare("b", "a")).isEqualTo(1);
    assertThat(JsCompare.compare("a", 5)).isNaN();
    assertThat(JsCompare.compare(Instant.ofEpochMilli(10), Instant.ofEpochMilli(4))).isEqualTo(6);
  }

  @Test
  @DisplayName("paths walk objects and arrays and stop at null or absent steps")
  void getValue() {
    JsonObject o = new JsonObject("{\"a\":{\"b\":[{\"c\":1}]},\"n\":null}");
    assertThat(JsValues.getValue(o, "a.b.0.c")).isEqualTo(1);
    assertThat(JsValues.getValue(o, "a.b.length")).isEqualTo(1);
    assertThat(JsValues.getValue(o, "n.x")).isNull();
    assertThat(JsValues.getValue(o, "z.x")).isSameAs(MISSING);
  }

  @ParameterizedTest(name = "new Date(\"{0}\")")
  @CsvSource(delimiter = '|', value = {
      "2020-01-02|2020-01-02T00:00:00Z",
      "2020-01|2020-01-01T00:00:00Z",
      "2020|2020-01-01T00:00:00Z",
      "2020-01-02T03:04|2020-01-02T03:04:00Z",
      "2020-01-02T03:04:05.6Z|2020-01-02T03:04:05.600Z",
      "2020-01-02T03:04:05.123456Z|2020-01-02T03:04:05.123Z",
      "2020-01-02T03:04:05+02:00|2020-01-02T01:04:05Z",
      "2020-01-02 03:04:05|2020-01-02T03:04:05Z"})
  @DisplayName("ISO dates parse as JavaScript's Date does (no offset: UTC)")
  void dates(String text, String expected) {
    assertThat(JsDates.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "new Date(\"{0}\") is invalid")
  @CsvSource({"garbage", "2020-13-01", "2020-02-30", "20", "2020-01-02T25:00", "2020-01-02Tx"})
  @DisplayName("invalid dates are rejected")
  void invalidDates(String text) {
    assertThat(JsDates.parse(text)).isNull();
  }
}
