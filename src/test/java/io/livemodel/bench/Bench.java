package io.livemodel.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator's command line ({@code scripts/bench} runs it): {@code stream} and {@code crud}
 * modes against running servers, and {@code compare} (same-run ratios against a peer server). Prints a
 * table, then the result as one JSON line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {Bench.Stream.class, Bench.Crud.class, Bench.Compare.class},
    description = "LiveModel load generator")
public final class Bench implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Options every mode has. */
  static class Common {
    @Option(names = "--targets", description = "base URLs, comma-separated", defaultValue = "http://127.0.0.1:3000")
    String targets;
    @Option(names = "--server-pid", description = "server process ids (comma-separated) for CPU and RSS")
    String serverPids;
    @Option(names = "--threads", description = "generator event loops", defaultValue = "2")
    int threads;
    @Option(names = "--label", description = "scenario name in the output")
    String label;
    @Option(names = "--json-out", description = "also append the JSON line to this file (repeatable)")
    List<Path> jsonOut = List.of();

    /** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
    static String loadavg() {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
      } catch (IOException | RuntimeException e) {
        return "unknown";
      }
    }

    Vertx vertx() {
      return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(threads).setPreferNativeTransport(true));
    }

    int emit(JsonObject result, String loadBefore) throws IOException {
      result.put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
          .put("loadavgBefore", loadBefore).put("loadavgAfter", loadavg()));
      Report.print(result, System.out);
      return append(result, jsonOut);
    }
  }

  /** Prints the JSON line and appends it to each file. */
  static int append(JsonObject result, List<Path> files) throws IOException {
    String line = result.encode();
    System.out.println(line);
    for (Path file : files) {
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    return 0;
  }

  @Command(name = "stream", mixinStandardHelpOptions = true,
      description = "N SSE subscribers, a paced writer; delivery latency, loss, CPU and RSS")
  static final class Stream extends Common implements Callable<Integer> {
    @Option(names = "--subscribers", defaultValue = "100") int subscribers;
    @Option(names = "--rate", description = "writes per second", defaultValue = "100") double rate;
    @Option(names = "--seconds", description = "measured writing time", defaultValue = "30") double seconds;
    @Option(names = "--warmup", description = "seconds of unmeasured writes first", defaultValue = "3") double warmup;
    @Option(names = "--drain", description = "max seconds to wait for late deliveries", defaultValue = "10")
    double drain;
    @Option(names = "--model", description = "model plural", defaultValue = "MyModels") String plural;
    @Option(names = "--connect-concurrency", defaultValue = "256") int connectConcurrency;
    @Option(names = "--max-in-flight", description = "unanswered POSTs allowed", defaultValue = "64") int maxInFlight;
    @Option(names = "--protocol", description = "loopback (LiveModel, LoopBack 3) or nchan (the peer adapter)",
        defaultValue = "loopback") String protocol;
    @Option(names = "--access-token", description = "LoopBack access token sent as access_token with every "
        + "stream request and write (a stream behind an ACL)") String accessToken;
    @Option(names = "--window-hook", description = "command run with `start` before the measured writes and "
        + "`stop` after them (profilers, tracers)") String windowHook;
    @Option(names = "--window-hook-seconds", description = "run the hook's `stop` this many seconds after "
        + "`start` (0: at the window's end)", defaultValue = "0") double windowHookSeconds;

    @Override
    public Integer call() throws Exception {
      String name = label != null ? label : "stream N=" + subscribers + " R=" + rate;
      StreamOptions options = new StreamOptions(StreamBench.split(targets), plural, subscribers, rate, seconds,
          warmup, drain, StreamBench.split(serverPids), connectConcurrency, maxInFlight, name,
          Protocol.named(protocol), accessToken);
      WindowHook hook = windowHook == null || windowHook.isBlank() ? WindowHook.none()
          : new WindowHook(List.of(windowHook.trim().split("\\s+")), windowHookSeconds);
      String load = loadavg();
      Vertx vertx = vertx();
      try {
        return emit(new StreamBench(vertx, options, hook).run(), load);
      } finally {
        vertx.close().await();
      }
    }
  }

  @Command(name = "crud", mixinStandardHelpOptions = true,
      description = "create, GET by id, find where+limit over seeded records; C connections")
  static final class Crud extends Common implements Callable<Integer> {
    @Option(names = "--connections", defaultValue = "50") int connections;
    @Option(names = "--seconds", description = "seconds per phase", defaultValue = "10") double seconds;
    @Option(names = "--warmup", description = "unmeasured seconds before each phase", defaultValue = "3") double warmup;
    @Option(names = "--records", description = "Notes seeded for GET and find", defaultValue = "10000") int records;
    @Option(names = "--phases", split = ",", description = "phases to run: create, getById, findWhereLimit (default: all)",
        defaultValue = "create,getById,findWhereLimit") List<String> phases;

    @Override
    public Integer call() throws Exception {
      List<String> urls = StreamBench.split(targets);
      String load = loadavg();
      Vertx vertx = vertx();
      try {
        return emit(new CrudBench(vertx, urls, connections, warmup, seconds, records, StreamBench.split(serverPids),
            label != null ? label : "crud C=" + connections).run(phases), load);
      } finally {
        vertx.close().await();
      }
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "same-run ratios of LiveModel over a peer, from the results `scripts/bench stream --peer` saved")
  static final class Compare implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "ours-<i>.json, peer-<i>.json, ... (see PeerComparison)")
    Path dir;
    @Option(names = "--runs", defaultValue = "1") int runs;
    @Option(names = "--peer-name", defaultValue = "peer") String peer;
    @Option(names = "--ours-name", description = "what the ours-<i> results are (the ratios' numerator)",
        defaultValue = "LiveModel") String ours;
    @Option(names = "--label", defaultValue = "stream") String label;
    @Option(names = "--json-out", description = "also append the JSON line to this file (repeatable)")
    List<Path> jsonOut = List.of();

    @Override
    public Integer call() throws Exception {
      JsonObject comparison = PeerComparison.compare(dir, runs, peer, label);
      if (comparison.getJsonArray("runs").isEmpty()) {
        System.err.println("bench compare: no pair of results in " + dir);
        return 1;
      }
      comparison.put("ours", ours).put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
          .put("loadavgAfter", Common.loadavg()));
      PeerReport.print(comparison, System.out);
      return append(comparison, jsonOut);
    }
  }
}
