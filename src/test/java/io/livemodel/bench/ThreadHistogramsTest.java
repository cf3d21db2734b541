package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ThreadHistograms: latencies from several threads, and each write's slowest")
class ThreadHistogramsTest {

  @Test
  @DisplayName("the slowest value per write index is the maximum over every recording thread")
  void slowestPerIndex() throws InterruptedException {
    ThreadHistograms histograms = new ThreadHistograms();
    Thread a = new Thread(() -> {
      histograms.record(10, 0);
      histograms.record(70, 2);
      histograms.record(5, 3);
    });
    Thread b = new Thread(() -> {
      histograms.record(30, 0);
      histograms.record(20, 2);
      histograms.record(1, 700); // grows its array past the other thread's
    });
    a.start();
    b.start();
    a.join();
    b.join();
    histograms.record(40, 1);

    long[] slowest = histograms.slowestPerIndex();
    assertThat(slowest).hasSize(701);
    assertThat(slowest[0]).isEqualTo(30);
    assertThat(slowest[1]).isEqualTo(40);
    assertThat(slowest[2]).isEqualTo(70);
    assertThat(slowest[3]).isEqualTo(5);
    assertThat(slowest[4]).isZero();
    assertThat(slowest[700]).isEqualTo(1);
    assertThat(histograms.merged().count()).isEqualTo(7);
    assertThat(histograms.merged().max()).isEqualTo(70);
  }
}
