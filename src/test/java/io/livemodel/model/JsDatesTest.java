package io.livemodel.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values were printed by Node 20 (TZ=UTC) with new Date(s).toISOString().
@DisplayName("JsDates parses and prints dates as JavaScript's Date does")
class JsDatesTest {

  @ParameterizedTest(name = "new Date({0}) is {1}")
  @DisplayName("date strings parse as V8 parses them (Invalid for a 422)")
  @CsvSource(delimiter = '|', value = {
      "2020-01-02|2020-01-02T00:00:00.000Z",
      "2020-01-02T03:04:05Z|2020-01-02T03:04:05.000Z",
      "2020-01-02T03:04:05.123+02:00|2020-01-02T01:04:05.123Z",
      "2020-01-02T03:04:05+0200|2020-01-02T01:04:05.000Z",
      "2020-01-02t03:04z|2020-01-02T03:04:00.000Z",
      "2020-01-02T03:04|2020-01-02T03:04:00.000Z",
      "2020-01-02 03:04|2020-01-02T03:04:00.000Z",
      "2020-01-02T03:04:05.1Z|2020-01-02T03:04:05.100Z",
      "2020-01-02T03:04:05.1234Z|2020-01-02T03:04:05.123Z",
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
      "''|Invalid",
      "1577923200000|Invalid",
      "2020-13-45|Invalid",
      "2020-01-32|Invalid",
      "2020-01-00|Invalid",
      "2020-01-02T24:00:01Z|Invalid",
      "2020-01-02T23:60Z|Invalid",
      "2020-01-02T03Z|Invalid",
      "2020-01-02T03:04:05.Z|Invalid",
      "2020-01-02T03:04:05+02|Invalid",
      "+275760-09-13T00:00:00.001Z|Invalid"})
  void parsesStrings(String text, String expected) {
    Long millis = JsDates.parse(text);
    assertThat(millis == null ? "Invalid" : JsDates.toIsoString(millis)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "new Date({0}) is {1}")
  @DisplayName("numbers are epoch milliseconds, truncated, within +-8.64e15")
  @CsvSource(delimiter = '|', value = {
      "1577923200000|2020-01-02T00:00:00.000Z", "1.7|1970-01-01T00:00:00.001Z",
      "-1.7|1969-12-31T23:59:59.999Z", "8.64e15|+275760-09-13T00:00:00.000Z",
      "-8.64e15|-271821-04-20T00:00:00.000Z", "8640000000000001|Invalid", "1e20|Invalid"})
  void convertsNumbers(double value, String expected) {
    Long millis = JsDates.fromNumber(value);
    assertThat(millis == null ? "Invalid" : JsDates.toIsoString(millis)).isEqualTo(expected);
  }

  @Test
  @DisplayName("toISOString always has milliseconds and a Z")
  void printsIso() {
    assertThat(JsDates.toIsoString(0)).isEqualTo("1970-01-01T00:00:00.000Z");
  }
}
