package io.livemodel.stream;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What the change-stream code reports about its streams, per model and transport ({@link #SSE},
 * {@link #JSONL}, {@link #SOCKJS}, {@link #TCP}). The stream code calls these at its hook points
 * (open, close, publish, deliver, slow-client cut, resume, replay, reset, gap fill); it knows nothing
 * of Micrometer or Prometheus.
 *
 * <p>Implementations: {@code io.livemodel.ops.MicrometerStreamMetrics} (what {@code /metrics} shows),
 * {@link #install installed} per Vert.x instance, and {@link #NOOP}. Every method must be cheap and non-blocking, and may be called from any thread.
 * {@link #streamOpened} and {@link #streamClosed} come in pairs: callers close only what they opened.
 */
public interface StreamMetrics {

  String SSE = "sse";
  String JSONL = "jsonl";
  String SOCKJS = "sockjs";
  String TCP = "tcp";

  void streamOpened(String model, String transport);

  void streamClosed(String model, String transport);

  /** A change committed on this node and published to the change streams of every node. */
  void changePublished(String model);

  /**
   * {@code n} changes written to streams of {@code model} over {@code transport} (not reported for
   * {@link #TCP}: the TCP bridge raises no event per message it sends).
   */
  void delivered(String model, String transport, int n);

  /**
   * A counter of deliveries to one stream's model and transport, resolved once (at stream open), so a
   * delivery costs one increment and no lookup.
   */
  default java.util.function.IntConsumer deliveries(String model, String transport) {
    return n -> delivered(model, transport, n);
  }

  /** A stream cut because its client read too slowly. */
  void slowClientDisconnected(String model, String transport);

  /** A client resumed from a {@code Last-Event-ID}. */
  void resumed(String model);

  /** {@code n} changes replayed from the change log to resuming clients. */
  void replayed(String model, int n);

  /** A resuming client's position had expired: it was told to refetch ({@code event: reset}). */
  void reset(String model);

  /** An out-of-order gap filled from the change log. */
  void gapFilled(String model);

  /** Does nothing. */
  StreamMetrics NOOP = new StreamMetrics() {
    @Override
    public void streamOpened(String model, String transport) {
    }

    @Override
    public void streamClosed(String model, String transport) {
    }

    @Override
    public void changePublished(String model) {
    }

    @Override
    public void delivered(String model, String transport, int n) {
    }

    @Override
    public void slowClientDisconnected(String model, String transport) {
    }

    @Override
    public void resumed(String model) {
    }

    @Override
    public void replayed(String model, int n) {
    }

    @Override
    public void reset(String model) {
    }

    @Override
    public void gapFilled(String model) {
    }
  };

  /**
   * The stream metrics of the Vert.x instance running the calling thread's context, or {@link #NOOP}
   * off any context or when none is installed. Hook points call {@code StreamMetrics.current().x(...)}.
   */
  static StreamMetrics current() {
    Context context = Vertx.currentContext();
    return context == null ? NOOP : of(context);
  }

  /** The stream metrics of {@code context}'s Vert.x instance, looked up once per context after installation. */
  static StreamMetrics of(Context context) {
    StreamMetrics metrics = context.get(StreamMetrics.class);
    if (metrics == null) {
      synchronized (Installed.BY_VERTX) {
        metrics = Installed.BY_VERTX.get(context.owner());
      }
      if (metrics == null) {
        return NOOP; // not installed (yet): not cached, so a later installation is seen
      }
      context.put(StreamMetrics.class, metrics);
    }
    return metrics;
  }

  /** Makes {@code metrics} what the hook points of {@code vertx} report to ({@link #NOOP}: metrics off). */
  static void install(Vertx vertx, StreamMetrics metrics) {
    synchronized (Installed.BY_VERTX) {
      Installed.BY_VERTX.put(vertx, metrics);
    }
  }

  /** {@code vertx} is closed. */
  static void uninstall(Vertx vertx) {
    synchronized (Installed.BY_VERTX) {
      Installed.BY_VERTX.remove(vertx);
    }
  }

  /** The installed metrics, by Vert.x instance (weakly: a closed, forgotten instance goes away). */
  final class Installed {
    private static final java.util.Map<Vertx, StreamMetrics> BY_VERTX = new java.util.WeakHashMap<>();

    private Installed() {
    }
  }
}
