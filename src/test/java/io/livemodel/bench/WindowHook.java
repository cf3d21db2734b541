package io.livemodel.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An outside command run around the measured window, for profilers and tracers attached to the
 * server ({@code scripts/bench} uses it for async-profiler and strace): {@code <command> start} just
 * before the measured writes, {@code <command> stop} after {@code seconds} (on a thread of its own,
 * while writes go on) or, when {@code seconds} is 0 or the window is shorter, after the window. Each
 * call waits for the command to exit (a minute at most), so a command that starts a tracer must put
 * it in the background. Records how many deliveries arrived between start and stop, so whatever the
 * command counted can be divided by them. Thread-safe.
 */
final class WindowHook {

  private static final WindowHook NONE = new WindowHook(List.of(), 0);

  private final List<String> command;
  private final double seconds;
  private LongSupplier delivered;
  private long startNanos;
  private long startDeliveries;
  private double windowSeconds = -1;
  private long windowDeliveries;
  private final List<String> failures = new ArrayList<>();

  WindowHook(List<String> command, double seconds) {
    this.command = List.copyOf(command);
    this.seconds = seconds;
  }

  static WindowHook none() {
    return NONE;
  }

  boolean isNone() {
    return command.isEmpty();
  }

  /** Runs {@code start}; {@code delivered} counts the deliveries so far. */
  void start(LongSupplier deliveries) {
    if (isNone()) {
      return;
    }
    call("start");
    synchronized (this) {
      delivered = deliveries;
      startNanos = System.nanoTime();
      startDeliveries = deliveries.getAsLong();
    }
    if (seconds > 0) {
      Thread timer = new Thread(() -> {
        try {
          Thread.sleep((long) (seconds * 1000));
          stop();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "bench-window-hook");
      timer.setDaemon(true);
      timer.start();
    }
  }

  /** Runs {@code stop} once (a later call does nothing). */
  void stop() {
    long deliveries;
    double elapsed;
    synchronized (this) {
      if (isNone() || delivered == null || windowSeconds >= 0) {
        return;
      }
      deliveries = delivered.getAsLong() - startDeliveries;
      elapsed = (System.nanoTime() - startNanos) / 1e9;
      windowSeconds = elapsed;
      windowDeliveries = deliveries;
    }
    call("stop");
  }

  /** What the window covered, or null without a command. */
  synchronized JsonObject json() {
    if (isNone()) {
      return null;
    }
    return new JsonObject().put("command", new JsonArray(command)).put("seconds", StreamBench.round(windowSeconds, 3))
        .put("deliveries", windowDeliveries).put("failures", new JsonArray(new ArrayList<>(failures)));
  }

  private void call(String phase) {
    List<String> argv = new ArrayList<>(command);
    argv.add(phase);
    try {
      Process process = new ProcessBuilder(argv).inheritIO().start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroy();
        failed(phase + ": did not exit within 60 s");
      } else if (process.exitValue() != 0) {
        failed(phase + ": exit status " + process.exitValue());
      }
    } catch (IOException e) {
      failed(phase + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(phase + ": interrupted");
    }
  }

  private synchronized void failed(String failure) {
    failures.add(failure);
  }
}
