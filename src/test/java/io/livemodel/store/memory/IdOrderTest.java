package io.livemodel.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IdOrder")
class IdOrderTest {

  @Test
  @DisplayName("numbers sort numerically and before strings; strings by UTF-16 code unit")
  void order() {
    List<Object> ids = new ArrayList<>(List.of("b", 10, "B", 2L, "a", 1.5, "10", "é"));
    ids.sort(IdOrder.INSTANCE);
    assertThat(ids).containsExactly(1.5, 2L, 10, "10", "B", "a", "b", "é");
  }

  @Test
  @DisplayName("numerically equal numbers are the same id, whatever their Java type")
  void numericEquality() {
    assertThat(IdOrder.INSTANCE.compare(1, 1L)).isZero();
    assertThat(IdOrder.INSTANCE.compare(1L, 1.0)).isZero();
    assertThat(IdOrder.INSTANCE.compare(new BigDecimal("3.00"), 3)).isZero();
    assertThat(IdOrder.INSTANCE.compare(Long.MAX_VALUE, Long.MAX_VALUE - 1)).isPositive();
    assertThat(IdOrder.INSTANCE.compare(1, "1")).isNegative();
  }
}
