package io.livemodel.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Stream mode: opens N SSE subscribers, writes at a fixed rate, and measures every (subscriber,
 * event) delivery: latency from just before the POST to receipt, loss, duplicates, order; the
 * writer's achieved rate and POST latency; the servers' CPU per delivery and RSS per subscriber.
 * Runs on the given Vert.x (whose event loops are the generator's threads); blocks the caller.
 */
public final class StreamBench {

  private final Vertx vertx;
  private final StreamOptions options;
  private final BenchClock clock = new BenchClock();
  private final ThreadHistograms latencies = new ThreadHistograms();
  private final WindowHook hook;

  public StreamBench(Vertx vertx, StreamOptions options) {
    this(vertx, options, WindowHook.none());
  }

  /** {@code hook} runs around the measured window (profilers, tracers); see {@link WindowHook}. */
  StreamBench(Vertx vertx, StreamOptions options, WindowHook hook) {
    this.vertx = vertx;
    this.options = options;
    this.hook = hook;
  }

  /** Runs the scenario; the result is the JSON line the tool prints. */
  public JsonObject run() throws InterruptedException {
    ProcStats server = new ProcStats(options.serverPids());
    ProcStats generator = ProcStats.self();
    String streamPath = options.streamPath();
    String writePath = options.writePath();
    long firstMeasured = options.warmupWrites();
    SubscriberPool pool = new SubscriberPool(vertx, options.targets(), streamPath, options.subscribers(),
        options.connectConcurrency(), clock, latencies, firstMeasured, options.protocol().ids());
    // The writer has an event loop of its own: its answers must not queue behind thousands of
    // stream reads on the subscribers' loops, or the POST latency would measure the generator.
    Vertx writerVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    PacedWriter writer = new PacedWriter(writerVertx, options.targets(), writePath, options.maxInFlight(), clock);
    try {
      ProcStats.Sample idle = server.sample();
      long connectStart = System.nanoTime();
      pool.open().await();
      double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
      Thread.sleep(1000);
      ProcStats.Sample connected = server.sample();
      if (firstMeasured > 0) {
        writer.run(0, firstMeasured, options.rate()).await();
        Thread.sleep(500);
      }
      hook.start(() -> delivered(pool));
      ProcStats.Sample before = server.sample();
      ProcStats.Sample generatorBefore = generator.sample();
      PacedWriter.Result writes = writer.run(firstMeasured, options.measuredWrites(), options.rate()).await();
      long open = options.subscribers() - pool.failures();
      long expected = writes.ok() * open;
      double drained = drain(pool, expected);
      ProcStats.Sample after = server.sample();
      ProcStats.Sample generatorAfter = generator.sample();
      hook.stop();
      JsonObject result = result(pool, writes, expected, connectSeconds, drained);
      if (!hook.isNone()) {
        result.put("window", hook.json());
      }
      long deliveries = result.getLong("deliveries");
      result.put("server", serverJson(server, idle, connected, before, after, deliveries));
      double generatorCpu = generatorAfter.cpuSince(generatorBefore);
      result.put("generator", new JsonObject()
          .put("cpuSeconds", round(generatorCpu, 3))
          .put("systemCpuSeconds", round(generatorAfter.systemSince(generatorBefore), 3))
          .put("cpuMicrosPerDelivery", deliveries == 0 ? null : round(generatorCpu * 1e6 / deliveries, 3))
          .put("threads", Runtime.getRuntime().availableProcessors()));
      if (deliveries > 0 && !server.isEmpty() && server.readable()) {
        // On one machine the kernel does a delivery's TCP receive work in whichever process's context
        // transmits the segment: the server's when it sends at once (TCP_NODELAY), the generator's
        // when the send waits for the client's ACK (Nagle). The sum does not depend on that.
        result.put("serverAndClientsCpuMicrosPerDelivery",
            round((after.cpuSince(before) + generatorCpu) * 1e6 / deliveries, 3));
      }
      return result;
    } finally {
      hook.stop(); // a tracer must not outlive a failed run
      writer.close().await();
      writerVertx.close().await();
      pool.close().await();
    }
  }

  /** Waits until every expected delivery arrived or the drain time is over; returns the seconds waited. */
  private double drain(SubscriberPool pool, long expected) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + (long) (options.drainSeconds() * 1e9);
    while (System.nanoTime() < deadline && delivered(pool) < expected) {
      Thread.sleep(20);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static long delivered(SubscriberPool pool) {
    long sum = 0;
    for (BenchSubscriber subscriber : pool.subscribers()) {
      sum += subscriber.measured();
    }
    return sum;
  }

  private JsonObject result(SubscriberPool pool, PacedWriter.Result writes, long expected, double connectSeconds,
                            double drainSeconds) {
    BitSet acked = writes.acked();
    long lost = 0;
    long duplicates = 0;
    long order = 0;
    long unacked = 0;
    long foreign = 0;
    for (BenchSubscriber subscriber : pool.subscribers()) {
      if (!subscriber.isOpen()) {
        continue;
      }
      lost += subscriber.lost(acked);
      duplicates += subscriber.duplicates();
      order += subscriber.orderViolations();
      unacked += subscriber.unacknowledged(acked);
      foreign += subscriber.foreign();
    }
    Histogram delivery = latencies.merged();
    return new JsonObject()
        .put("mode", "stream")
        .put("label", options.label())
        .put("protocol", options.protocol().name().toLowerCase(java.util.Locale.ROOT))
        .put("targets", new JsonArray(options.targets()))
        .put("subscribers", options.subscribers())
        .put("connectFailures", pool.failures())
        .put("sourceAddressesPerTarget", pool.sourceAddresses())
        .put("connectSeconds", round(connectSeconds, 2))
        .put("streamsClosed", pool.closedCount())
        .put("targetRate", options.rate())
        .put("seconds", options.seconds())
        .put("writes", new JsonObject().put("scheduled", writes.scheduled()).put("sent", writes.sent())
            .put("ok", writes.ok()).put("failed", writes.failed()).put("errors", new JsonArray(writes.errors())))
        .put("achievedRate", round(writes.achievedRate(), 2))
        .put("postMs", millis(writes.postMicros()))
        .put("deliveries", delivery.count())
        .put("expectedDeliveries", expected)
        .put("lost", lost)
        .put("duplicates", duplicates)
        .put("orderViolations", order)
        .put("unacknowledgedDelivered", unacked)
        .put("otherEvents", foreign)
        .put("drainSeconds", round(drainSeconds, 2))
        .put("deliveryMs", millis(delivery))
        .put("slowestDeliveryPerWrite", slowestPerWrite(latencies.slowestPerIndex(), writes.acked()));
  }

  /**
   * Each measured write's slowest delivery: its distribution, and when in the window (seconds from
   * its start, by the write's schedule) the five slowest writes were due. A tail made of a few writes
   * that all streams got late is a stall (a pause, a backlog); one spread over all writes is the cost
   * of the fan-out's order.
   */
  private JsonObject slowestPerWrite(long[] slowest, BitSet acked) {
    Histogram perWrite = new Histogram();
    List<long[]> written = new ArrayList<>();
    for (int i = acked.nextSetBit(0); i >= 0 && i < slowest.length; i = acked.nextSetBit(i + 1)) {
      if (slowest[i] > 0) {
        perWrite.record(slowest[i]);
        written.add(new long[] {i, slowest[i]});
      }
    }
    written.sort((a, b) -> Long.compare(b[1], a[1]));
    JsonArray worst = new JsonArray();
    for (long[] w : written.subList(0, Math.min(5, written.size()))) {
      worst.add(new JsonObject().put("atSecond", round(w[0] / options.rate(), 2))
          .put("ms", round(w[1] / 1000.0, 3)));
    }
    return millis(perWrite).put("worst", worst);
  }

  private JsonObject serverJson(ProcStats server, ProcStats.Sample idle, ProcStats.Sample connected,
                                ProcStats.Sample before, ProcStats.Sample after, long deliveries) {
    JsonObject json = new JsonObject().put("pids", new JsonArray(server.pids()));
    if (server.isEmpty() || !server.readable()) {
      return json.put("readable", false);
    }
    double cpu = after.cpuSince(before);
    double jit = after.jitSince(before);
    return json.put("readable", true)
        .put("cpuSeconds", round(cpu, 3))
        .put("systemCpuSeconds", round(after.systemSince(before), 3))
        .put("cpuCoresBusy", round(cpu / after.secondsSince(before), 3))
        .put("cpuMicrosPerDelivery", deliveries == 0 ? null : round(cpu * 1e6 / deliveries, 3))
        .put("jitCpuSeconds", round(jit, 3))
        .put("cpuMicrosPerDeliveryWithoutJit", deliveries == 0 ? null : round((cpu - jit) * 1e6 / deliveries, 3))
        .put("rssIdleMB", round(idle.rssBytes() / 1048576.0, 1))
        .put("rssConnectedMB", round(connected.rssBytes() / 1048576.0, 1))
        .put("rssEndMB", round(after.rssBytes() / 1048576.0, 1))
        .put("rssPerSubscriberKB", options.subscribers() == 0 ? null
            : round((connected.rssBytes() - idle.rssBytes()) / 1024.0 / options.subscribers(), 2));
  }

  static JsonObject millis(Histogram micros) {
    return new JsonObject()
        .put("p50", round(micros.percentile(50) / 1000.0, 3))
        .put("p99", round(micros.percentile(99) / 1000.0, 3))
        .put("max", round(micros.max() / 1000.0, 3))
        .put("mean", round(micros.mean() / 1000.0, 3))
        .put("count", micros.count());
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : List.of(csv.trim().split("\\s*,\\s*"));
  }
}
