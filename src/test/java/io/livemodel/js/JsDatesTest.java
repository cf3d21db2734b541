package io.livemodel.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values were printed by Node 20 (TZ=UTC) with new Date(s).toISOString().
@DisplayName("JsDates parses and prints dates as JavaScript's Date does")
class JsDatesTest {

  @ParameterizedTest(name = "new Date({0}) is {1}")
  @DisplayName("date strings parse as V8 parses them (Invalid for a 422 on write, a 500 in a where)")
  @CsvSource(delimiter = '|', value = {
      "2020-01-02|2020-01-02T00:00:00.000Z",
      "2020-01-02T03:04:05Z|2020-01-02T03:04:05.000Z",
      "2020-01-02T03:04:05.123+02:00|2020-01-02T01:04:05.123Z",
      "2020-01-02T03:04:05+02:00|2020-01-02T01:04:05.000Z",
      "2020-01-02T03:04:05+0200|2020-01-02T01:04:05.000Z",
      "2020-01-02t03:04z|2020-01-02T03:04:00.000Z",
      "2020-01-02T03:04|2020-01-02T03:04:00.000Z",
      "2020-01-02 03:04|2020-01-02T03:04:00.000Z",
      "2020-01-02 03:04:05|2020-01-02T03:04:05.000Z",
      "2020-01-02 Z|2020-01-02T00:00:00.000Z",
      "2020T03:04|2020-01-01T03:04:00.000Z",
      "2020-01-02T03:04:05.1Z|2020-01-02T03:04:05.100Z",
      "2020-01-02T03:04:05.6Z|2020-01-02T03:04:05.600Z",
      "2020-01-02T03:04:05.1234Z|2020-01-02T03:04:05.123Z",
      "2020-01-02T03:04:05.123456Z|2020-01-02T03:04:05.123Z",
      "2020-01-02T24:00:00Z|2020-01-03T00:00:00.000Z",
      "2020|2020-01-01T00:00:00.000Z",
      "2020-01|2020-01-01T00:00:00.000Z",
      "2020-02-30|2020-03-01T00:00:00.000Z",
      "2020-04-31|2020-05-01T00:00:00.000Z",
      "+002020-01-02T00:00:00Z|2020-01-02T00:00:00.000Z",
      "-000001-01-01T00:00:00Z|-000001-01-01T00:00:00.000Z",
      "+275760-09-13T00:00:00.000Z|+275760-09-13T00:00:00.000Z",
      "Thu, 02 Jan 2020 03:04:05 GMT|2020-01-02T03:04:05.000Z",
      "Thu Jan 02 2020 03:04:05 GMT+0000 (Coordinated Universal Time)|2020-01-02T03:04:05.000Z",
      "Jan 2 2020|2020-01-02T00:00:00.000Z",
      "02/01/2020|2020-02-01T00:00:00.000Z",
      "2020/01/02|2020-01-02T00:00:00.000Z",
      "' 2020-01-02 '|2020-01-02T00:00:00.000Z",
      "nope|Invalid",
      "garbage|Invalid",
      "''|Invalid",
      "20|Invalid",
      "1577923200000|Invalid",
      "2020-13-01|Invalid",
      "2020-13-45|Invalid",
      "2020-01-32|Invalid",
      "2020-01-00|Invalid",
      "2020-01-02T25:00|Invalid",
      "2020-01-02Tx|Invalid",
      "2020-01-02T|Invalid",
      "2020-01-02T24:00:01Z|Invalid",
      "2020-01-02T23:60Z|Invalid",
      "2020-01-02T03Z|Invalid",
      "2020-01-02T03:04:05.Z|Invalid",
      "2020-01-02T03:04:05+02|Invalid",
      "2020-01-02T00:00:00+25:00|Invalid",
      "2020-01-02T00:00:00+05:60|Invalid",
      "-000000-01-01T00:00:00Z|Invalid",
      "+275760-09-13T00:00:00.001Z|Invalid"})
  void parsesStrings(String text, String expected) {
    Long millis = JsDates.parse(text);
    assertThat(millis == null ? "Invalid" : JsDates.toIsoString(millis)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is ISO: {1}")
  @DisplayName("parseIso takes only the ECMAScript date-time format")
  @CsvSource(delimiter = '|', value = {
      "2020-01-02|2020-01-02T00:00:00.000Z", "2020-02-30|2020-03-01T00:00:00.000Z",
      "2020-01-02T03:04:05.123Z|2020-01-02T03:04:05.123Z", "Jan 2 2020|Invalid", "2020/01/02|Invalid"})
  void parsesIsoOnly(String text, String expected) {
    Long millis = JsDates.parseIso(text);
    assertThat(millis == null ? "Invalid" : JsDates.toIsoString(millis)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "new Date({0}) is {1}")
  @DisplayName("numbers are epoch milliseconds, truncated, within +-8.64e15")
  @CsvSource(delimiter = '|', value = {
      "1577923200000|2020-01-02T00:00:00.000Z", "1.7|1970-01-01T00:00:00.001Z",
      "-1.7|1969-12-31T23:59:59.999Z", "8.64e15|+275760-09-13T00:00:00.000Z",
      "-8.64e15|-271821-04-20T00:00:00.000Z", "8640000000000001|Invalid", "1e20|Invalid", "NaN|Invalid"})
  void convertsNumbers(double value, String expected) {
    Long millis = JsDates.fromNumber(value);
    assertThat(millis == null ? "Invalid" : JsDates.toIsoString(millis)).isEqualTo(expected);
  }

  @Test
  @DisplayName("new Date(x) of other values: booleans 0/1, null the epoch, undefined invalid, arrays and objects through String(x)")
  void convertsOtherValues() {
    assertThat(JsDates.toMillis(true)).isEqualTo(1L);
    assertThat(JsDates.toMillis(false)).isEqualTo(0L);
    assertThat(JsDates.toMillis(null)).isEqualTo(0L);
    assertThat(JsDates.toMillis(JsValues.UNDEFINED)).isNull();
    assertThat(JsDates.toMillis(new JsonArray().add("2020-01-02"))).isEqualTo(1577923200000L);
    assertThat(JsDates.toMillis(new JsonArray().add(1).add(2))).isNull();
    assertThat(JsDates.toMillis(new JsonObject())).isNull();
    assertThat(JsDates.toMillis(Instant.ofEpochMilli(7))).isEqualTo(7L);
    assertThat(JsDates.toMillis(new JsDate(7L))).isEqualTo(7L);
    assertThat(JsDates.toInstant("2020-01-02")).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    assertThat(JsDates.toInstant("nope")).isNull();
    assertThat(JsDates.toDate("nope").isValid()).isFalse();
  }

  @Test
  @DisplayName("free-form strings longer than any date a JS engine prints are invalid (a megabyte of spaces must not backtrack for minutes)")
  void boundsFreeForms() {
    String longest = "Thu Jan 02 2020 03:04:05 GMT+0000 (Coordinated Universal Time)";
    assertThat(JsDates.parse(longest)).isEqualTo(1577934245000L);
    assertThat(JsDates.parse("Jan 2 2020" + " ".repeat(1_000_000) + "x")).isNull();
    assertThat(JsDates.parse("2 Jan 2020 " + " ".repeat(1_000_000) + "(")).isNull();
    assertThat(JsDates.parse("1/2/2020" + " ".repeat(JsDates.MAX_FREE_FORM_LENGTH))).isEqualTo(1577923200000L);
    assertThat(JsDates.parse("1/2/2020 " + " ".repeat(JsDates.MAX_FREE_FORM_LENGTH) + "03:04")).isNull();
  }

  @Test
  @DisplayName("toISOString always has milliseconds and a Z")
  void printsIso() {
    assertThat(JsDates.toIsoString(0)).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @ParameterizedTest(name = "String(new Date({0}))")
  @DisplayName("toString prints the day, the month, a 4-digit (or longer, signed) year and the UTC zone")
  @CsvSource(delimiter = '|', value = {
      "1577934245000|Thu Jan 02 2020 03:04:05",
      "-1|Wed Dec 31 1969 23:59:59",
      "8.64e15|Sat Sep 13 275760 00:00:00",
      "-8.64e15|Tue Apr 20 -271821 00:00:00",
      "-62009366400000|Sat Jan 01 0005 00:00:00"})
  void printsToString(double millis, String expected) {
    assertThat(JsDates.toDateString((long) millis)).isEqualTo(expected + " GMT+0000 (Coordinated Universal Time)");
  }
}
