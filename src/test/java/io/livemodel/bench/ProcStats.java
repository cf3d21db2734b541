package io.livemodel.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of processes, from {@code /proc/<pid>/stat} (utime + stime, in clock
 * ticks) and {@code /proc/<pid>/status} ({@code VmRSS}). Summed over several pids (a cluster's
 * nodes). A pid that cannot be read counts as zero and is reported by {@link #readable()}.
 */
final class ProcStats {

  /** A reading: CPU seconds (of which in the kernel: system calls, the TCP stack) and resident bytes, summed. */
  record Sample(double cpuSeconds, double systemSeconds, long rssBytes, long atNanos, double jitSeconds) {
    double cpuSince(Sample earlier) {
      return cpuSeconds - earlier.cpuSeconds;
    }

    /** CPU seconds of the JVMs' JIT compiler threads (zero for a server that is not a JVM). */
    double jitSince(Sample earlier) {
      return jitSeconds - earlier.jitSeconds;
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
    double jit = 0;
    for (String pid : pids) {
      double[] times = cpuSeconds(pid);
      cpu += times[0] + times[1];
      system += times[1];
      rss += rssBytes(pid);
      jit += jitSeconds(pid);
    }
    return new Sample(cpu, system, rss, System.nanoTime(), jit);
  }

  /**
   * CPU seconds of a HotSpot JVM's compiler threads ({@code C1 CompilerThread<n>}, {@code C2
   * CompilerThread<n>}, named {@code C1 CompilerThre} in /proc). A compiler thread the JVM ends
   * between two samples takes its time with it, so this is a lower bound.
   */
  static double jitSeconds(String pid) {
    double seconds = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
      for (Path task : tasks) {
        try {
          String comm = Files.readString(task.resolve("comm"));
          if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            double[] times = cpuSeconds(task.resolve("stat"));
            seconds += times[0] + times[1];
          }
        } catch (IOException | RuntimeException goneOrUnreadable) {
          // The thread ended while listed.
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return seconds;
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
