package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
  @DisplayName("a process that is not a JVM, or none at all: no JIT time")
  void notAJvm() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "30").start();
    try {
      String pid = Long.toString(sleep.pid());
      assertThat(ProcStats.cpuSeconds(pid)).hasSize(2);
      assertThat(ProcStats.jitSeconds(pid)).isZero();
    } finally {
      sleep.destroyForcibly().waitFor();
    }
    assertThat(ProcStats.jitSeconds("999999999")).isZero();
  }
}
