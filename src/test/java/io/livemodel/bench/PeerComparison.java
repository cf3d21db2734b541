package io.livemodel.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Same-run ratios of LiveModel against a peer server (Nchan, or any LoopBack-compatible server), from
 * the stream results {@code scripts/bench stream --peer} leaves in one directory: per run i (from 1)
 * {@code ours-i.json} and {@code peer-i.json}, the same scenario right after each other; optionally
 * {@code ours-hog-i.json} and {@code peer-hog-i.json} (the same pair under a CPU hog) and
 * {@code ours-i.strace} and {@code peer-i.strace} ({@code strace -c} over the results' hook window).
 * Every ratio is LiveModel's figure over the peer's; the median is over the runs.
 */
final class PeerComparison {

  /** A figure of a stream result; null when the result does not have it. */
  record Metric(String key, String label, Function<JsonObject, Double> value) {
  }

  static final List<Metric> METRICS = List.of(
      new Metric("cpuMicrosPerDelivery", "server CPU µs per delivery",
          r -> number(r.getJsonObject("server", new JsonObject()).getValue("cpuMicrosPerDelivery"))),
      new Metric("cpuMicrosPerDeliveryWithoutJit", "  the same without JIT compiler threads",
          r -> number(r.getJsonObject("server", new JsonObject()).getValue("cpuMicrosPerDeliveryWithoutJit"))),
      new Metric("serverAndClientsCpuMicrosPerDelivery", "  server and generator together",
          r -> number(r.getValue("serverAndClientsCpuMicrosPerDelivery"))),
      new Metric("deliveryP50Ms", "delivery p50 ms", r -> number(r.getJsonObject("deliveryMs").getValue("p50"))),
      new Metric("deliveryP99Ms", "delivery p99 ms", r -> number(r.getJsonObject("deliveryMs").getValue("p99"))),
      new Metric("postP99Ms", "POST p99 ms", r -> number(r.getJsonObject("postMs").getValue("p99"))),
      new Metric("achievedRate", "achieved writes/s", r -> number(r.getValue("achievedRate"))),
      new Metric("lossShare", "loss (share of expected)", PeerComparison::lossShare),
      new Metric("rssPerSubscriberKB", "server RSS KB per subscriber",
          r -> number(r.getJsonObject("server", new JsonObject()).getValue("rssPerSubscriberKB"))));

  private PeerComparison() {
  }

  /** Reads runs 1..{@code runs} from {@code dir} and compares them; {@code peer} names the peer. */
  static JsonObject compare(Path dir, int runs, String peer, String label) throws IOException {
    JsonArray all = new JsonArray();
    for (int i = 1; i <= runs; i++) {
      JsonObject ours = read(dir.resolve("ours-" + i + ".json"));
      JsonObject theirs = read(dir.resolve("peer-" + i + ".json"));
      if (ours == null || theirs == null) {
        continue;
      }
      JsonObject run = new JsonObject().put("run", i).put("ours", ours).put("peer", theirs)
          .put("ratios", ratios(ours, theirs));
      JsonObject oursHog = read(dir.resolve("ours-hog-" + i + ".json"));
      JsonObject peerHog = read(dir.resolve("peer-hog-" + i + ".json"));
      if (oursHog != null && peerHog != null) {
        run.put("hog", new JsonObject().put("ours", oursHog).put("peer", peerHog)
            .put("rateShares", hogShares(ours, theirs, oursHog, peerHog)));
      }
      JsonObject syscalls = syscalls(dir, i, ours, theirs);
      if (syscalls != null) {
        run.put("syscallsPerDelivery", syscalls);
      }
      all.add(run);
    }
    return new JsonObject().put("mode", "compare").put("label", label).put("peer", peer).put("runs", all)
        .put("medianRatios", medianRatios(all));
  }

  /** Each metric's value for both servers and their ratio (null where undefined, see {@link #ratio}). */
  static JsonObject ratios(JsonObject ours, JsonObject peer) {
    JsonObject ratios = new JsonObject();
    for (Metric metric : METRICS) {
      Double a = metric.value().apply(ours);
      Double b = metric.value().apply(peer);
      ratios.put(metric.key(), new JsonObject().put("ours", a).put("peer", b).put("ratio", ratio(a, b)));
    }
    return ratios;
  }

  /**
   * Each server's achieved rate under the hog as a share of its unloaded rate in the same run, and
   * LiveModel's share over the peer's (above 1: LiveModel degrades more gracefully).
   */
  static JsonObject hogShares(JsonObject ours, JsonObject peer, JsonObject oursHog, JsonObject peerHog) {
    Double a = ratio(number(oursHog.getValue("achievedRate")), number(ours.getValue("achievedRate")));
    Double b = ratio(number(peerHog.getValue("achievedRate")), number(peer.getValue("achievedRate")));
    return new JsonObject().put("ours", round(a)).put("peer", round(b)).put("ratio", ratio(a, b));
  }

  /** Per metric, the median of the runs' defined ratios (and {@code hogShare}, the hog shares' ratio). */
  static JsonObject medianRatios(JsonArray runs) {
    JsonObject medians = new JsonObject();
    for (Metric metric : METRICS) {
      medians.put(metric.key(), median(runs, run -> run.getJsonObject("ratios").getJsonObject(metric.key())));
    }
    medians.put("hogShare", median(runs, run -> run.getJsonObject("hog", new JsonObject())
        .getJsonObject("rateShares")));
    return medians;
  }

  static Double median(JsonArray runs, Function<JsonObject, JsonObject> cell) {
    double[] values = runs.stream().map(run -> cell.apply((JsonObject) run))
        .filter(c -> c != null && c.getValue("ratio") != null).mapToDouble(c -> c.getDouble("ratio")).sorted()
        .toArray();
    if (values.length == 0) {
      return null;
    }
    int mid = values.length / 2;
    return round(values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
  }

  /** Undefined (null) for a missing figure, a peer's 0 and negative figures (RSS growth over tiny runs can be). */
  static Double ratio(Double ours, Double peer) {
    return ours == null || peer == null || ours < 0 || peer <= 0 ? null : round(ours / peer);
  }

  private static JsonObject syscalls(Path dir, int i, JsonObject ours, JsonObject peer) throws IOException {
    Path a = dir.resolve("ours-" + i + ".strace");
    Path b = dir.resolve("peer-" + i + ".strace");
    if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) {
      return null;
    }
    return new JsonObject()
        .put("ours", StraceSummary.parse(Files.readString(a)).perDelivery(windowDeliveries(ours)))
        .put("peer", StraceSummary.parse(Files.readString(b)).perDelivery(windowDeliveries(peer)))
        .put("windowSeconds", new JsonArray(Arrays.asList(windowSeconds(ours), windowSeconds(peer))));
  }

  private static long windowDeliveries(JsonObject result) {
    JsonObject window = result.getJsonObject("window");
    return window == null ? 0 : window.getLong("deliveries", 0L);
  }

  private static Double windowSeconds(JsonObject result) {
    JsonObject window = result.getJsonObject("window");
    return window == null ? null : window.getDouble("seconds");
  }

  private static Double lossShare(JsonObject result) {
    long expected = result.getLong("expectedDeliveries", 0L);
    return expected == 0 ? null : (double) result.getLong("lost", 0L) / expected;
  }

  /** The last JSON line of a file, or null when there is none. */
  private static JsonObject read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.removeIf(String::isBlank);
    return lines.isEmpty() ? null : new JsonObject(lines.get(lines.size() - 1));
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static Double round(Double value) {
    return value == null ? null : StreamBench.round(value, 3);
  }
}
