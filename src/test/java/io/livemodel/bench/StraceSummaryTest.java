package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StraceSummary: strace -c's table read back")
class StraceSummaryTest {

  /** strace 6.1's output, with a line of its own chatter and one row without errors. */
  static final String TABLE = """
      strace: Process 4242 attached
      % time     seconds  usecs/call     calls    errors syscall
      ------ ----------- ----------- --------- --------- ----------------
       68.51    0.000944         472         2         1 wait4
        9.58    0.000132           3        42        19 openat
        7.62    0.000105          21      1200           write
        0.00    0.000000           0         8           read
      ------ ----------- ----------- --------- --------- ----------------
      100.00    0.001378           6      1252        20 total
      """;

  @Test
  @DisplayName("rows by system call, the total as their sum, the most frequent first")
  void parse() {
    StraceSummary summary = StraceSummary.parse(TABLE);

    assertThat(summary.calls()).containsExactly(java.util.Map.entry("wait4", 2L), java.util.Map.entry("openat", 42L),
        java.util.Map.entry("write", 1200L), java.util.Map.entry("read", 8L));
    assertThat(summary.total()).isEqualTo(1252);
    assertThat(summary.top(2)).containsExactly("write", "openat");
  }

  @Test
  @DisplayName("calls per delivery, and nothing when nothing was delivered")
  void perDelivery() {
    JsonObject perDelivery = StraceSummary.parse(TABLE).perDelivery(400);

    assertThat(perDelivery.getDouble("write")).isEqualTo(3.0);
    assertThat(perDelivery.getDouble("total")).isEqualTo(3.13);
    assertThat(StraceSummary.parse(TABLE).perDelivery(0).isEmpty()).isTrue();
    assertThat(StraceSummary.parse("strace: attach: ptrace(PTRACE_SEIZE, 1): Operation not permitted").total())
        .isZero();
  }
}
