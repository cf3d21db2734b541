package io.livemodel.bench;

import java.util.Arrays;

/**
 * A log-linear histogram of non-negative longs (microseconds here), in the spirit of HdrHistogram:
 * exact below 128, then 64 buckets per power of two, so a reported percentile is the lower bound of
 * its bucket and within 1.6% of the recorded value. Fixed size (about 20 KB), no allocation when
 * recording. Not thread-safe: one per thread, {@link #add merged} afterwards.
 */
public final class Histogram {

  private static final int LINEAR = 128;
  private static final int PER_OCTAVE = 64;
  private static final int OCTAVES = 57;

  private final long[] counts = new long[LINEAR + OCTAVES * PER_OCTAVE];
  private long total;
  private long max;
  private long min = Long.MAX_VALUE;
  private double sum;

  public void record(long value) {
    long v = Math.max(0, value);
    counts[index(v)]++;
    total++;
    sum += v;
    max = Math.max(max, v);
    min = Math.min(min, v);
  }

  public void add(Histogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    sum += other.sum;
    max = Math.max(max, other.max);
    min = Math.min(min, other.min);
  }

  public long count() {
    return total;
  }

  public long max() {
    return max;
  }

  public long min() {
    return total == 0 ? 0 : min;
  }

  public double mean() {
    return total == 0 ? 0 : sum / total;
  }

  /** The value at percentile {@code p} (0..100); 0 when empty. The maximum for p = 100. */
  public long percentile(double p) {
    if (total == 0) {
      return 0;
    }
    if (p >= 100) {
      return max;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(lowerBound(i), max);
      }
    }
    return max;
  }

  public void reset() {
    Arrays.fill(counts, 0);
    total = 0;
    sum = 0;
    max = 0;
    min = Long.MAX_VALUE;
  }

  static int index(long v) {
    if (v < LINEAR) {
      return (int) v;
    }
    int shift = 63 - Long.numberOfLeadingZeros(v) - 6;
    return LINEAR + (shift - 1) * PER_OCTAVE + (int) ((v >>> shift) - PER_OCTAVE);
  }

  static long lowerBound(int index) {
    if (index < LINEAR) {
      return index;
    }
    int shift = (index - LINEAR) / PER_OCTAVE + 1;
    long mantissa = (index - LINEAR) % PER_OCTAVE + PER_OCTAVE;
    return mantissa << shift;
  }
}
