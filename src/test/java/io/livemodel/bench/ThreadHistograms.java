package io.livemodel.bench;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One {@link Histogram} per recording thread (event loops), merged on demand. Recording and merging
 * lock the thread's own histogram, which is uncontended while recording. Optionally also the slowest
 * value per write ({@link #record(long, int)}), to tell a tail made of a few late writes (a stall)
 * from one spread over all of them.
 */
final class ThreadHistograms {

  private final Queue<Recorder> all = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Recorder> local = ThreadLocal.withInitial(() -> {
    Recorder recorder = new Recorder();
    all.add(recorder);
    return recorder;
  });

  void record(long value) {
    Recorder recorder = local.get();
    synchronized (recorder) {
      recorder.histogram.record(value);
    }
  }

  /** Records {@code value} and keeps it as write {@code index}'s slowest if it is. */
  void record(long value, int index) {
    Recorder recorder = local.get();
    synchronized (recorder) {
      recorder.histogram.record(value);
      if (index >= recorder.slowest.length) {
        recorder.slowest = Arrays.copyOf(recorder.slowest, Math.max(index + 1, 2 * recorder.slowest.length));
      }
      recorder.slowest[index] = Math.max(recorder.slowest[index], value);
    }
  }

  Histogram merged() {
    Histogram merged = new Histogram();
    for (Recorder recorder : all) {
      synchronized (recorder) {
        merged.add(recorder.histogram);
      }
    }
    return merged;
  }

  /** Per write index, the slowest value recorded for it on any thread (0 where none was). */
  long[] slowestPerIndex() {
    long[] merged = new long[0];
    for (Recorder recorder : all) {
      synchronized (recorder) {
        if (recorder.slowest.length > merged.length) {
          merged = Arrays.copyOf(merged, recorder.slowest.length);
        }
        for (int i = 0; i < recorder.slowest.length; i++) {
          merged[i] = Math.max(merged[i], recorder.slowest[i]);
        }
      }
    }
    return merged;
  }

  private static final class Recorder {
    final Histogram histogram = new Histogram();
    long[] slowest = new long[0];
  }
}
