package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Histogram: percentiles of recorded latencies")
class HistogramTest {

  @Test
  @DisplayName("exact below 128, within 1.6% above, max exact")
  void precision() {
    Histogram h = new Histogram();
    for (int v = 1; v <= 100; v++) {
      h.record(v);
    }
    assertThat(h.percentile(50)).isEqualTo(50);
    assertThat(h.percentile(99)).isEqualTo(99);
    assertThat(h.percentile(100)).isEqualTo(100);

    Histogram big = new Histogram();
    long[] values = new long[10_000];
    Random random = new Random(1);
    for (int i = 0; i < values.length; i++) {
      values[i] = 1 + (long) (Math.exp(random.nextDouble() * 20));
      big.record(values[i]);
    }
    java.util.Arrays.sort(values);
    assertThat((double) big.percentile(50)).isCloseTo(values[4999], within(values[4999] * 0.016));
    assertThat((double) big.percentile(99)).isCloseTo(values[9899], within(values[9899] * 0.016));
    assertThat(big.max()).isEqualTo(values[9999]);
    assertThat(big.count()).isEqualTo(10_000);
  }

  @Test
  @DisplayName("bucket bounds are continuous and cover the whole range")
  void buckets() {
    for (long v : new long[] {0, 127, 128, 129, 255, 256, 1_000_000, Long.MAX_VALUE / 2, Long.MAX_VALUE}) {
      int i = Histogram.index(v);
      assertThat(Histogram.lowerBound(i)).isLessThanOrEqualTo(v);
      assertThat(Histogram.index(Histogram.lowerBound(i))).isEqualTo(i);
    }
    for (int i = 128; i < 3000; i++) {
      assertThat(Histogram.index(Histogram.lowerBound(i + 1) - 1)).isEqualTo(i);
    }
  }

  @Test
  @DisplayName("merging adds counts; an empty histogram reports zeros")
  void merge() {
    Histogram a = new Histogram();
    Histogram b = new Histogram();
    a.record(10);
    b.record(1000);
    b.record(-5);
    a.add(b);
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.max()).isEqualTo(1000);
    assertThat(a.min()).isZero();
    assertThat(new Histogram().percentile(99)).isZero();
  }
}
