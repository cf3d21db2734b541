package io.livemodel.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and resident memory of processes, from {@code /proc/<pid>/stat} (utime + stime, in clock
 * ticks) and {@code /proc/<pid>/status} ({@code VmRSS}). Summed over several pids (a cluster's
 * nodes). A pid that cannot be read counts as zero and is reported by {@link #readable()}.
 */
final class ProcStats {

  /** A reading: CPU seconds (of which in the kernel: system calls, the TCP stack) and resident bytes, summed. */
  record Sample(double cpuSeconds, double systemSeconds, long rssBytes, long atNanos, Map<String, Double> jitThreads) {
    double cpuSince(Sample earlier) {
      return cpuSeconds - earlier.cpuSeconds;
    }

    /** CPU seconds of the JVMs' JIT compiler threads in this reading (zero for a server that is not a JVM). */
    double jitSeconds() {
      return jitThreads.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * CPU seconds the JVMs' JIT compiler threads spent since {@code earlier}, thread by thread: a thread
     * started since counts in full; one the JVM ended since (HotSpot adds and ends compiler threads
     * as its queue grows and shrinks) is left out, so this is a lower bound, never negative.
     */
    double jitSince(Sample earlier) {
      double seconds = 0;
      for (Map.Entry<String, Double> thread : jitThreads.entrySet()) {
        seconds += Math.max(0, thread.getValue() - earlier.jitThreads.getOrDefault(thread.getKey(), 0.0));
      }
      return seconds;
    }

    double systemSince(Sample earlier) {
      return systemSeconds - earlier.systemSeconds;
    }

    double secondsSince(Sample earlier) {
      return (atNanos - earlier.atNanos) / 1e9;
    }
  }

  private static final double TICKS_PER_SECOND = clockTicks();

  private final List<String> pids;

  ProcStats(List<String> pids) {
    this.pids = pids;
  }

  /** This JVM (the load generator). */
  static ProcStats self() {
    return new ProcStats(List.of(Long.toString(ProcessHandle.current().pid())));
  }

  boolean isEmpty() {
    return pids.isEmpty();
  }

  List<String> pids() {
    return pids;
  }

  boolean readable() {
    return !pids.isEmpty() && pids.stream().allMatch(pid -> Files.isReadable(Path.of("/proc", pid, "stat")));
  }

  Sample sample() {
    double cpu = 0;
    double system = 0;
    long rss = 0;
    Map<String, Double> jit = new HashMap<>();
    for (String pid : pids) {
      double[] times = cpuSeconds(pid);
      cpu += times[0] + times[1];
      system += times[1];
      rss += rssBytes(pid);
      jitThreads(pid).forEach((tid, seconds) -> jit.put(pid + "/" + tid, seconds));
    }
    return new Sample(cpu, system, rss, System.nanoTime(), jit);
  }

  /**
   * CPU seconds of each of a HotSpot JVM's compiler threads ({@code C1 CompilerThread<n>}, {@code C2
   * CompilerThread<n>}, named {@code C1 CompilerThre} in /proc), by thread id; empty where none or
   * unreadable.
   */
  private static Map<String, Double> jitThreads(String pid) {
    Map<String, Double> threads = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
      for (Path task : tasks) {
        try {
          String comm = Files.readString(task.resolve("comm"));
          if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            double[] times = cpuSeconds(task.resolve("stat"));
            threads.put(task.getFileName().toString(), times[0] + times[1]);
          }
        } catch (IOException | RuntimeException goneOrUnreadable) {
          // The thread ended while listed.
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return threads;
  }

  /** User and system CPU seconds of a process (zeros if unreadable). */
  static double[] cpuSeconds(String pid) {
    return cpuSeconds(Path.of("/proc", pid, "stat"));
  }

  /** User and system CPU seconds from a process's or thread's {@code stat} file (zeros if unreadable). */
  private static double[] cpuSeconds(Path statFile) {
    try {
      String stat = Files.readString(statFile);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long utime = Long.parseLong(fields[11]);
      long stime = Long.parseLong(fields[12]);
      return new double[] {utime / TICKS_PER_SECOND, stime / TICKS_PER_SECOND};
    } catch (IOException | RuntimeException e) {
      return new double[2];
    }
  }

  static long rssBytes(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** USER_HZ: 100 on every mainstream Linux; {@code getconf CLK_TCK} when available. */
  private static double clockTicks() {
    try {
      Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor() == 0 ? Double.parseDouble(out) : 100;
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
