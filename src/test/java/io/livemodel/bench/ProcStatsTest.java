package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ProcStats: a process's CPU, memory and JIT compiler time from /proc")
class ProcStatsTest {

  @Test
  @DisplayName("this JVM: its compiler threads have run, for less than the whole process")
  void jitOfThisJvm() {
    ProcStats self = ProcStats.self();
    ProcStats.Sample sample = self.sample();
    // Loading and running this test compiled methods: C1 and C2 threads have CPU time by now.
    assertThat(sample.jitSeconds()).isPositive().isLessThan(sample.cpuSeconds());
    assertThat(sample.rssBytes()).isPositive();
  }

  @Test
  @DisplayName("JIT time between two readings, thread by thread: a compiler thread that ended is left out, not subtracted")
  void jitSinceByThread() {
    ProcStats.Sample earlier = new ProcStats.Sample(10, 1, 0, 0, Map.of("7/20", 3.0, "7/21", 1.5, "8/30", 0.5));
    // 7/21 ended (HotSpot ends idle compiler threads), 7/22 started, 20 and 30 went on compiling.
    ProcStats.Sample later = new ProcStats.Sample(14, 2, 0, 1, Map.of("7/20", 3.25, "7/22", 0.5, "8/30", 1.0));
    assertThat(later.jitSince(earlier)).isEqualTo(1.25);
    assertThat(later.jitSeconds()).isEqualTo(4.75);
    // The sum alone would have said 4.75 - 5.0 = -0.25 s.
    assertThat(later.jitSince(later)).isZero();
  }

  @Test
  @DisplayName("a process that is not a JVM, or none at all: no JIT time")
  void notAJvm() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "30").start();
    try {
      String pid = Long.toString(sleep.pid());
      assertThat(ProcStats.cpuSeconds(pid)).hasSize(2);
      assertThat(new ProcStats(List.of(pid)).sample().jitSeconds()).isZero();
    } finally {
      sleep.destroyForcibly().waitFor();
    }
    assertThat(new ProcStats(List.of("999999999")).sample().jitSeconds()).isZero();
  }
}
