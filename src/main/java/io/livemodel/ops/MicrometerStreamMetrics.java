package io.livemodel.ops;

import io.livemodel.stream.StreamMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link StreamMetrics} on a Micrometer registry, one instance per Vert.x instance (shared by all its
 * event loops). Prometheus names, labelled {@code model} and, where it applies, {@code transport}:
 *
 * <pre>
 * livemodel_streams_open{model,transport}                       gauge
 * livemodel_streams_opened_total{model,transport}               counter
 * livemodel_changes_published_total{model}
 * livemodel_stream_deliveries_total{model,transport}
 * livemodel_stream_slow_client_disconnects_total{model,transport}
 * livemodel_stream_resumes_total{model}
 * livemodel_stream_replayed_changes_total{model}
 * livemodel_stream_resets_total{model}
 * livemodel_stream_gap_fills_total{model}
 * </pre>
 *
 * Cardinality is models times four transports. Meters are made on first use and then looked up in a
 * map of this class (cheaper than the registry's lookup on every delivery).
 */
public final class MicrometerStreamMetrics implements StreamMetrics {

  private static final Map<Vertx, StreamMetrics> INSTANCES = new WeakHashMap<>();
  private static final List<String> TRANSPORTS = List.of(SSE, JSONL, SOCKJS, TCP);

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
  /** Counters by name, then model, then transport slot ({@link #TRANSPORTS} order; the last: none). */
  private final Map<String, Map<String, Counter[]>> counters = new ConcurrentHashMap<>();

  MicrometerStreamMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The instance of {@code vertx} ({@link Metrics#registry}); {@link #NOOP} once {@link #disable}d. */
  static StreamMetrics of(Vertx vertx) {
    synchronized (INSTANCES) {
      return INSTANCES.computeIfAbsent(vertx, v -> {
        StreamMetrics metrics = new MicrometerStreamMetrics(Metrics.registry(v));
        StreamMetrics.install(v, metrics);
        return metrics;
      });
    }
  }

  /** {@code vertx} is closed. */
  static void forget(Vertx vertx) {
    synchronized (INSTANCES) {
      INSTANCES.remove(vertx);
      StreamMetrics.uninstall(vertx);
    }
  }

  /** Metrics are off on {@code vertx}: the hook points record nothing from now on. */
  static void disable(Vertx vertx) {
    synchronized (INSTANCES) {
      INSTANCES.put(vertx, NOOP);
      StreamMetrics.install(vertx, NOOP);
    }
  }

  /** Streams of {@code model} open on this node now, by transport (transports never used are absent). */
  public Map<String, Long> openStreams(String model) {
    Map<String, Long> out = new java.util.TreeMap<>();
    String prefix = model + '\u0000';
    open.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        out.put(key.substring(prefix.length()), value.get());
      }
    });
    return out;
  }

  @Override
  public void streamOpened(String model, String transport) {
    openStreams(model, transport).incrementAndGet();
    counter("livemodel.streams.opened", model, transport).increment();
  }

  @Override
  public void streamClosed(String model, String transport) {
    openStreams(model, transport).decrementAndGet();
  }

  @Override
  public void changePublished(String model) {
    counter("livemodel.changes.published", model, null).increment();
  }

  @Override
  public void delivered(String model, String transport, int n) {
    counter("livemodel.stream.deliveries", model, transport).increment(n);
  }

  @Override
  public java.util.function.IntConsumer deliveries(String model, String transport) {
    Counter counter = counter("livemodel.stream.deliveries", model, transport);
    return counter::increment;
  }

  @Override
  public void slowClientDisconnected(String model, String transport) {
    counter("livemodel.stream.slow.client.disconnects", model, transport).increment();
  }

  @Override
  public void resumed(String model) {
    counter("livemodel.stream.resumes", model, null).increment();
  }

  @Override
  public void replayed(String model, int n) {
    counter("livemodel.stream.replayed.changes", model, null).increment(n);
  }

  @Override
  public void reset(String model) {
    counter("livemodel.stream.resets", model, null).increment();
  }

  @Override
  public void gapFilled(String model) {
    counter("livemodel.stream.gap.fills", model, null).increment();
  }

  private AtomicLong openStreams(String model, String transport) {
    return open.computeIfAbsent(model + '\u0000' + transport, k -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("livemodel.streams.open", value, AtomicLong::get)
          .description("Change streams open on this node")
          .tag("model", model).tag("transport", transport)
          .register(registry);
      return value;
    });
  }

  /** No allocation once the counter exists: deliveries call this once per change per client. */
  private Counter counter(String name, String model, String transport) {
    Map<String, Counter[]> byModel = counters.get(name);
    if (byModel == null) {
      byModel = counters.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
    }
    Counter[] slots = byModel.get(model);
    if (slots == null) {
      slots = byModel.computeIfAbsent(model, k -> new Counter[TRANSPORTS.size() + 1]);
    }
    int slot = transport == null ? TRANSPORTS.size() : TRANSPORTS.indexOf(transport);
    Counter counter = slots[slot];
    if (counter == null) {
      // A race registers the same meter id twice: the registry answers the same counter both times.
      Counter.Builder builder = Counter.builder(name).tag("model", model);
      counter = (transport == null ? builder : builder.tag("transport", transport)).register(registry);
      slots[slot] = counter;
    }
    return counter;
  }
}
