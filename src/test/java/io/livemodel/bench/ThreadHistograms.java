package io.livemodel.bench;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One {@link Histogram} per recording thread (event loops), merged on demand. Recording and merging
 * lock the thread's own histogram, which is uncontended while recording.
 */
final class ThreadHistograms {

  private final Queue<Histogram> all = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Histogram> local = ThreadLocal.withInitial(() -> {
    Histogram histogram = new Histogram();
    all.add(histogram);
    return histogram;
  });

  void record(long value) {
    Histogram histogram = local.get();
    synchronized (histogram) {
      histogram.record(value);
    }
  }

  Histogram merged() {
    Histogram merged = new Histogram();
    for (Histogram histogram : all) {
      synchronized (histogram) {
        merged.add(histogram);
      }
    }
    return merged;
  }
}
