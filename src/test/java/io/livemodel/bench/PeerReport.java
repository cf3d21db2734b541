package io.livemodel.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;

/** The human-readable tables of a {@link PeerComparison}: each run's ratios, the medians, hog shares, syscalls. */
final class PeerReport {

  private static final int TOP_SYSCALLS = 8;

  private PeerReport() {
  }

  static void print(JsonObject comparison, PrintStream out) {
    String peer = comparison.getString("peer");
    String ours = comparison.getString("ours", "LiveModel");
    JsonArray runs = comparison.getJsonArray("runs");
    JsonObject medians = comparison.getJsonObject("medianRatios");
    for (Object o : runs) {
      JsonObject run = (JsonObject) o;
      out.printf("== %s / %s, %s: run %d of %d ==%n", ours, peer, comparison.getString("label"),
          run.getInteger("run"), runs.size());
      out.printf("  %-30s %12s %12s %10s%n", "", shorten(ours), shorten(peer), "ratio");
      for (PeerComparison.Metric metric : PeerComparison.METRICS) {
        JsonObject cell = run.getJsonObject("ratios").getJsonObject(metric.key());
        out.printf("  %-30s %12s %12s %10s%n", metric.label(), value(cell.getValue("ours")),
            value(cell.getValue("peer")), value(cell.getValue("ratio")));
      }
      syscalls(run, peer, out);
    }
    if (runs.size() > 1) {
      medians(comparison, runs, medians, ours, peer, out);
    }
    hog(runs, medians, peer, out);
  }

  private static void medians(JsonObject comparison, JsonArray runs, JsonObject medians, String ours,
                              String peer, PrintStream out) {
    out.printf("== %s / %s, %s: ratios of %d runs and their median ==%n", ours, peer,
        comparison.getString("label"), runs.size());
    for (PeerComparison.Metric metric : PeerComparison.METRICS) {
      StringBuilder each = new StringBuilder();
      for (Object o : runs) {
        each.append(String.format(" %8s", value(((JsonObject) o).getJsonObject("ratios").getJsonObject(metric.key())
            .getValue("ratio"))));
      }
      out.printf("  %-30s%s  | median %s%n", metric.label(), each, value(medians.getValue(metric.key())));
    }
  }

  private static void hog(JsonArray runs, JsonObject medians, String peer, PrintStream out) {
    boolean any = false;
    for (Object o : runs) {
      JsonObject hog = ((JsonObject) o).getJsonObject("hog");
      if (hog == null) {
        continue;
      }
      if (!any) {
        out.printf("  under a CPU hog, achieved rate as a share of the unloaded run's (LiveModel, %s, ratio):%n", peer);
        any = true;
      }
      JsonObject shares = hog.getJsonObject("rateShares");
      out.printf("    run %d: %s, %s, %s%n", ((JsonObject) o).getInteger("run"), percent(shares.getValue("ours")),
          percent(shares.getValue("peer")), value(shares.getValue("ratio")));
    }
    if (any) {
      out.printf("    median ratio %s (above 1: LiveModel keeps more of its rate)%n", value(medians.getValue("hogShare")));
    }
  }

  private static void syscalls(JsonObject run, String peer, PrintStream out) {
    JsonObject syscalls = run.getJsonObject("syscallsPerDelivery");
    if (syscalls == null) {
      return;
    }
    JsonObject ours = syscalls.getJsonObject("ours");
    JsonObject theirs = syscalls.getJsonObject("peer");
    out.printf("  system calls per delivery (strace -c over %s s of the window; tracing slows both)%n",
        syscalls.getJsonArray("windowSeconds").encode());
    out.printf("    %-26s %12s %12s%n", "syscall", "LiveModel", shorten(peer));
    Set<String> names = new LinkedHashSet<>();
    names.add("total");
    names.addAll(topOf(ours));
    names.addAll(topOf(theirs));
    for (String name : names) {
      out.printf("    %-26s %12s %12s%n", name, value(ours.getValue(name, 0)), value(theirs.getValue(name, 0)));
    }
  }

  private static Set<String> topOf(JsonObject perDelivery) {
    Set<String> top = new LinkedHashSet<>();
    perDelivery.fieldNames().stream().filter(n -> !"total".equals(n))
        .sorted((a, b) -> Double.compare(perDelivery.getDouble(b), perDelivery.getDouble(a)))
        .limit(TOP_SYSCALLS).forEach(top::add);
    return top;
  }

  private static String value(Object v) {
    if (v == null) {
      return "-";
    }
    double d = ((Number) v).doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format("%.3g", d);
  }

  private static String percent(Object v) {
    return v == null ? "-" : String.format("%.0f%%", 100 * ((Number) v).doubleValue());
  }

  private static String shorten(String peer) {
    return peer.length() <= 12 ? peer : peer.substring(0, 12);
  }
}
