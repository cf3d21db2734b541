package io.livemodel.bench;

/** Microseconds on the monotonic clock since the run began: what writers stamp and subscribers subtract. */
final class BenchClock {

  private final long origin = System.nanoTime();

  long micros() {
    return (System.nanoTime() - origin) / 1000;
  }
}
