package io.livemodel.js;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values were printed by Node 20 for the same inputs.
@DisplayName("JsNumbers converts numbers as JavaScript does")
class JsNumbersTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @DisplayName("numbers print as Number.prototype.toString prints them")
  @CsvSource(delimiter = '|', value = {
      "0|0", "-0.0|0", "1|1", "-1|-1", "1.5|1.5", "0.1|0.1", "123456789|123456789", "1e21|1e+21",
      "1e20|100000000000000000000", "123456789012345680000|123456789012345680000", "1.2345e-7|1.2345e-7",
      "0.000001|0.000001", "1e-7|1e-7", "-2.5e-8|-2.5e-8", "3.14159|3.14159",
      "0.3333333333333333|0.3333333333333333", "9007199254740992|9007199254740992", "1e300|1e+300",
      "-1e21|-1e+21", "100|100", "100.0|100", "0.5|0.5", "2.5e-3|0.0025", "3.0|3", "-2.5|-2.5",
      "NaN|NaN", "Infinity|Infinity", "-Infinity|-Infinity"})
  void formatsNumbers(double value, String expected) {
    assertThat(JsNumbers.toString(value)).isEqualTo(expected);
    assertThat(JsNumbers.toString(Double.valueOf(value))).isEqualTo(expected);
  }

  @Test
  @DisplayName("integers print exactly up to 2^53 and rounded beyond, as the double JavaScript holds")
  void formatsIntegers() {
    assertThat(JsNumbers.toString(42)).isEqualTo("42");
    assertThat(JsNumbers.toString(-9007199254740991L)).isEqualTo("-9007199254740991");
    assertThat(JsNumbers.toString(Long.MAX_VALUE)).isEqualTo("9223372036854776000");
    assertThat(JsNumbers.toString(new java.math.BigDecimal("1.50"))).isEqualTo("1.5");
  }

  @ParameterizedTest(name = "Number({0}) is {1}")
  @DisplayName("strings convert as Number(string) converts them")
  @CsvSource(delimiter = '|', value = {
      "'42'|42", "' 42 '|42", "' 12 '|12", "''|0", "'   '|0", "'abc'|NaN", "'12px'|NaN", "'1.5x'|NaN",
      "'0x10'|16", "'0X1f'|31", "'0b101'|5", "'0o17'|15", "'-0x10'|NaN", "'0x'|NaN", "'1e3'|1000",
      "'1E-2'|0.01", "'.5'|0.5", "'5.'|5", "'+5'|5", "'+3'|3", "'-5'|-5", "'Infinity'|Infinity",
      "'+Infinity'|Infinity", "'-Infinity'|-Infinity", "'infinity'|NaN", "'1_000'|NaN", "'1,5'|NaN",
      "'NaN'|NaN", "'0.1e1'|1", "'00012'|12", "'1e1000'|Infinity", "'1e'|NaN", "'1d'|NaN", "'0x1p3'|NaN",
      "'\u00a0\u2028 7 \ufeff'|7", "'0x20000000000001'|9007199254740992",
      "'0x20000000000003'|9007199254740996"})
  void parsesNumbers(String text, String expected) {
    assertThat(JsNumbers.toString(JsNumbers.parse(text))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource({"3,true", "-0.5,true", "1e+21,true", "1e-7,true", "3.0,false", "03,false", "'',false",
      "1e3,false", "-0,false", "0x10,false", "Infinity,false", "' 3',false"})
  @DisplayName("canonical number strings are exactly how some number prints")
  void canonical(String text, boolean expected) {
    assertThat(JsNumbers.isCanonical(text)).isEqualTo(expected);
  }

  @Test
  @DisplayName("computed numbers are stored as Long when integral, Double otherwise, null when not finite")
  void storesNumbers() {
    assertThat(JsNumbers.toJsonNumber(42.0)).isEqualTo(42L);
    assertThat(JsNumbers.toJsonNumber(-0.0)).isEqualTo(0L);
    assertThat(JsNumbers.toJsonNumber(1.5)).isEqualTo(1.5);
    assertThat(JsNumbers.toJsonNumber(Double.NaN)).isNull();
    assertThat(JsNumbers.toJsonNumber(Double.POSITIVE_INFINITY)).isNull();
    assertThat(JsNumbers.toJsonNumber(Integer.valueOf(7))).isEqualTo(7L);
  }
}
