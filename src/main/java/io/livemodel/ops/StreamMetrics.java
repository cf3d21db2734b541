package io.livemodel.ops;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What the change-stream code reports about its streams, per model and transport ({@link #SSE},
 * {@link #JSONL}, {@link #SOCKJS}, {@link #TCP}). The stream code calls these at its hook points
 * (open, close, publish, deliver, slow-client cut, resume, replay, reset, gap fill); it knows nothing
 * of Micrometer or Prometheus.
 *
 * <p>Implementations: {@link MicrometerStreamMetrics} (what {@code /metrics} shows) and
 * {@link #NOOP}. Every method must be cheap and non-blocking, and may be called from any thread.
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
   * off any context or when metrics are off. Hook points call {@code StreamMetrics.current().x(...)}.
   */
  static StreamMetrics current() {
    Context context = Vertx.currentContext();
    return context == null ? NOOP : of(context);
  }

  /** The stream metrics of {@code context}'s Vert.x instance, looked up once per context. */
  static StreamMetrics of(Context context) {
    StreamMetrics metrics = context.get(StreamMetrics.class);
    if (metrics == null) {
      metrics = MicrometerStreamMetrics.of(context.owner());
      context.put(StreamMetrics.class, metrics);
    }
    return metrics;
  }
}
