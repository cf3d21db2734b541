package io.livemodel.ops;

import io.livemodel.config.OpsConfig;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.EnumSet;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Where a node's metrics live: one Prometheus registry per Vert.x instance.
 *
 * <p>Vert.x records its own metrics (HTTP server, pools, event bus) only when metrics are enabled in
 * the {@link VertxOptions} it is created with: the bootstrap calls {@link #vertxOptions} before
 * {@code Vertx.vertx(...)} / {@code Vertx.builder().with(...)}. The registry is then Vert.x's own
 * (with JVM and process metrics bound to it). A Vert.x created without it (tests, embedding code)
 * still gets a registry of its own with LiveModel's, JVM and process metrics (and a FINE line).
 *
 * <p>Cardinality: the Vert.x labels are limited to method, status code, pool type and name; no path,
 * no remote address, no event-bus address (reply addresses are one per request).
 */
public final class Metrics {

  private static final Logger LOG = Logger.getLogger(Metrics.class.getName());
  private static final AtomicInteger REGISTRIES = new AtomicInteger();
  /** The registry of each Vert.x instance; weak, so closed instances go. */
  private static final Map<Vertx, PrometheusMeterRegistry> REGISTRY = new WeakHashMap<>();

  private Metrics() {
  }

  /**
   * Enables Vert.x's Micrometer metrics with a Prometheus registry of its own on {@code options}
   * (returned), unless {@code config} turns metrics off.
   */
  public static VertxOptions vertxOptions(VertxOptions options, OpsConfig config) {
    if (!config.metricsEnabled()) {
      return options;
    }
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // One registry per Vert.x instance: several nodes in one JVM (tests) do not mix their figures.
        .setRegistryName("livemodel-" + REGISTRIES.incrementAndGet())
        // Bounded labels only: no path, no remote address (a server's remote is each client).
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME, Label.NAMESPACE))
        .addDisabledMetricsCategory(MetricsDomain.VERTICLES)
        // Per-address figures need the address label, and reply addresses are one per request.
        .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
        // Clients are keyed by their remote: the database's pool is measured as pool_type="sql" instead.
        .addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT)
        .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)
        .addDisabledMetricsCategory("sql")
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(false));
    return options.setMetricsOptions(metrics);
  }

  /** A Vert.x with {@code options}, metrics enabled as {@code config} says and its registry bound. */
  public static Vertx vertx(VertxOptions options, OpsConfig config) {
    VertxOptions withMetrics = vertxOptions(options, config);
    Vertx vertx = Vertx.vertx(withMetrics);
    bind(vertx, withMetrics);
    return vertx;
  }

  /**
   * Binds the registry Vert.x records into (named in {@code options} by {@link #vertxOptions}) to
   * {@code vertx}; without it, {@link #registry} makes one of its own without Vert.x's figures.
   */
  public static void bind(Vertx vertx, VertxOptions options) {
    if (options.getMetricsOptions() instanceof MicrometerMetricsOptions micrometer && micrometer.isEnabled()
        && BackendRegistries.getNow(micrometer.getRegistryName()) instanceof PrometheusMeterRegistry prometheus) {
      synchronized (REGISTRY) {
        if (!REGISTRY.containsKey(vertx)) {
          new FileDescriptorMetrics().bindTo(prometheus);
          REGISTRY.put(vertx, prometheus); // Vert.x bound JVM, CPU and uptime metrics to it
        }
      }
    }
  }

  /** The registry of {@code vertx}'s metrics (made on first use when none was bound). */
  public static PrometheusMeterRegistry registry(Vertx vertx) {
    synchronized (REGISTRY) {
      return REGISTRY.computeIfAbsent(vertx, Metrics::create);
    }
  }

  /**
   * The node on {@code vertx} stopped: its registry and stream metrics are dropped (meters can hold
   * the Vert.x instance, so the weak map alone would never let it go).
   */
  public static void forget(Vertx vertx) {
    synchronized (REGISTRY) {
      REGISTRY.remove(vertx);
    }
    MicrometerStreamMetrics.forget(vertx);
  }

  private static PrometheusMeterRegistry create(Vertx vertx) {
    LOG.fine("Vert.x was created without metrics (see Metrics.vertx): /metrics has no vertx_* metrics");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    return registry;
  }
}
