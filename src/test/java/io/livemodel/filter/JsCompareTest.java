package io.livemodel.filter;

import static io.livemodel.js.JsValues.UNDEFINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JavaScript comparisons on Vert.x JSON values")
class JsCompareTest {

  @Test
  @DisplayName("loose equality: number and string, null and undefined, booleans, objects by identity")
  void looseEquals() {
    assertThat(JsCompare.looseEquals(3, "3")).isTrue();
    assertThat(JsCompare.looseEquals(3L, 3.0)).isTrue();
    assertThat(JsCompare.looseEquals(null, UNDEFINED)).isTrue();
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
    assertThat(JsCompare.lessThan(UNDEFINED, 1)).isFalse();
    assertThat(JsCompare.lessThan("abc", 1)).isFalse();
    assertThat(JsCompare.lessThan(1, "abc")).isFalse();
    assertThat(JsCompare.lessThan("\uD83D\uDE00", "\uFFFF")).isTrue();
  }

  @Test
  @DisplayName("the connector's compare gives NaN for null against a value and 0 for null against absent")
  void compare() {
    assertThat(JsCompare.compare(null, UNDEFINED)).isZero();
    assertThat(JsCompare.compare(null, 1)).isNaN();
    assertThat(JsCompare.compare(5, "3")).isEqualTo(2);
    assertThat(JsCompare.compare("b", "a")).isEqualTo(1);
    assertThat(JsCompare.compare("a", 5)).isNaN();
    assertThat(JsCompare.compare(Instant.ofEpochMilli(10), Instant.ofEpochMilli(4))).isEqualTo(6);
  }
}
