package io.livemodel.bench;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;

/** The human-readable table of a result; the JSON line is the result itself. */
final class Report {

  private Report() {
  }

  static void print(JsonObject r, PrintStream out) {
    printBody(r, out);
    JsonObject m = r.getJsonObject("machine");
    if (m != null) {
      row(out, "machine", String.format("%d cores; load average %s before, %s after", m.getInteger("cores"),
          m.getString("loadavgBefore"), m.getString("loadavgAfter")));
    }
  }

  private static void printBody(JsonObject r, PrintStream out) {
    if ("stream".equals(r.getString("mode"))) {
      stream(r, out);
    } else {
      crud(r, out);
    }
  }

  private static void stream(JsonObject r, PrintStream out) {
    JsonObject w = r.getJsonObject("writes");
    JsonObject s = r.getJsonObject("server");
    out.println("== " + r.getString("label") + " ==");
    row(out, "subscribers", String.format("%d over %d target(s) (%d failed to open, %d closed early; "
            + "%d source address(es) per target; opened in %.2f s)", r.getInteger("subscribers"),
        r.getJsonArray("targets").size(), r.getInteger("connectFailures"), r.getLong("streamsClosed"),
        r.getInteger("sourceAddressesPerTarget"), r.getDouble("connectSeconds")));
    row(out, "writes/s", String.format("target %s, achieved %.2f (%d scheduled, %d sent, %d ok, %d failed)",
        num(r.getDouble("targetRate")), r.getDouble("achievedRate"), w.getLong("scheduled"), w.getLong("sent"),
        w.getLong("ok"), w.getLong("failed")));
    row(out, "POST ms", ms(r.getJsonObject("postMs")));
    row(out, "delivery ms", ms(r.getJsonObject("deliveryMs")));
    JsonObject slowest = r.getJsonObject("slowestDeliveryPerWrite");
    if (slowest != null && slowest.getLong("count", 0L) > 0) {
      StringBuilder worst = new StringBuilder();
      for (Object each : slowest.getJsonArray("worst")) {
        JsonObject o = (JsonObject) each;
        worst.append(worst.length() == 0 ? "" : ", ")
            .append(o.getValue("ms")).append(" ms at ").append(o.getValue("atSecond")).append(" s");
      }
      row(out, "last delivery", ms(slowest) + "; slowest writes: " + worst);
    }
    row(out, "deliveries", String.format("%,d of %,d expected; lost %d, duplicates %d, order violations %d, "
            + "unacknowledged %d", r.getLong("deliveries"), r.getLong("expectedDeliveries"), r.getLong("lost"),
        r.getLong("duplicates"), r.getLong("orderViolations"), r.getLong("unacknowledgedDelivered")));
    if (s.getBoolean("readable")) {
      row(out, "server CPU", String.format("%.2f s (%.2f cores busy; %.0f%% in the kernel), %s µs per delivery",
          s.getDouble("cpuSeconds"), s.getDouble("cpuCoresBusy"),
          100 * s.getDouble("systemCpuSeconds", 0.0) / Math.max(s.getDouble("cpuSeconds"), 1e-9),
          s.getValue("cpuMicrosPerDelivery")));
      if (s.getDouble("jitCpuSeconds", 0.0) > 0) {
        row(out, "of which JIT", String.format("%.2f s in the JIT compiler threads; without them %s µs per delivery",
            s.getDouble("jitCpuSeconds"), s.getValue("cpuMicrosPerDeliveryWithoutJit")));
      }
      row(out, "server RSS", String.format("idle %.1f MB, connected %.1f MB, end %.1f MB: %s KB per subscriber",
          s.getDouble("rssIdleMB"), s.getDouble("rssConnectedMB"), s.getDouble("rssEndMB"),
          s.getValue("rssPerSubscriberKB")));
    } else {
      row(out, "server", "no readable --server-pid: CPU and RSS not measured");
    }
    JsonObject window = r.getJsonObject("window");
    if (window != null) {
      row(out, "hook window", String.format("%.2f s of the measured window, %,d deliveries in it%s",
          window.getDouble("seconds"), window.getLong("deliveries"),
          window.getJsonArray("failures").isEmpty() ? "" : "; hook failures " + window.getJsonArray("failures")));
    }
    JsonObject g = r.getJsonObject("generator");
    row(out, "generator CPU", String.format("%.2f s (%.0f%% in the kernel)", g.getDouble("cpuSeconds"),
        100 * g.getDouble("systemCpuSeconds", 0.0) / Math.max(g.getDouble("cpuSeconds"), 1e-9)));
    if (r.containsKey("serverAndClientsCpuMicrosPerDelivery")) {
      row(out, "both CPU", r.getValue("serverAndClientsCpuMicrosPerDelivery")
          + " µs per delivery, server and generator together (who pays a delivery's TCP work on one machine "
          + "depends on TCP_NODELAY: BENCHMARKS.md)");
    }
  }

  private static void crud(JsonObject r, PrintStream out) {
    out.println("== " + r.getString("label") + " ==");
    row(out, "setup", String.format("%d connections, %s s per phase, %d seeded Notes", r.getInteger("connections"),
        num(r.getDouble("seconds")), r.getInteger("records")));
    for (String phase : CrudBench.PHASES) {
      JsonObject p = r.getJsonObject(phase);
      if (p == null) {
        continue;
      }
      row(out, phase, String.format("%,.0f req/s (%d ok, %d errors); %s%s", p.getDouble("perSecond"),
          p.getLong("requests"), p.getLong("errors"), ms(p.getJsonObject("latencyMs")),
          p.containsKey("serverCpuCoresBusy") ? "; server " + p.getDouble("serverCpuCoresBusy") + " cores, "
              + p.getValue("serverCpuMicrosPerRequest") + " µs CPU per request" : ""));
    }
  }

  private static String ms(JsonObject h) {
    return String.format("p50 %.2f  p99 %.2f  max %.2f ms (%d samples)", h.getDouble("p50"), h.getDouble("p99"),
        h.getDouble("max"), h.getLong("count"));
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static void row(PrintStream out, String name, String value) {
    out.printf("  %-14s %s%n", name, value);
  }
}
