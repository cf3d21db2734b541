package io.livemodel.config;

/**
 * Change-stream settings.
 *
 * @param heartbeatSeconds seconds between heartbeat comments on an idle SSE stream; 0 turns them off
 * @param retryMs the {@code retry:} hint sent when an SSE stream opens
 * @param gapWaitMillis how long an out-of-order change waits for earlier ones before the gap is
 *     filled from the change log
 * @param maxQueuedBytes how far (bytes queued past the socket's write queue) a client may fall
 *     behind before it is disconnected (it resumes with Last-Event-ID)
 * @param retention how much change history the store keeps for resuming clients
 * @param limits what clients may hold of the node's streams
 * @param tcpNoDelay whether an HTTP/1.x change stream's socket sends each change at once (true, the
 *     default, as every HTTP connection of the node and as Node's HTTP server) or lets the kernel hold
 *     a small send while the client has not acknowledged the previous one (false: Nagle's algorithm,
 *     as Nchan's streams; under load fewer, larger segments at up to the client's delayed-ACK time
 *     of extra latency, see BENCHMARKS.md)
 */
public record StreamConfig(int heartbeatSeconds, int retryMs, long gapWaitMillis, long maxQueuedBytes,
                           Retention retention, StreamLimits limits, boolean tcpNoDelay) {

  /** Changes sent at once ({@code tcpNoDelay}). */
  public StreamConfig(int heartbeatSeconds, int retryMs, long gapWaitMillis, long maxQueuedBytes, Retention retention,
                      StreamLimits limits) {
    this(heartbeatSeconds, retryMs, gapWaitMillis, maxQueuedBytes, retention, limits, true);
  }

  /** With the default {@link StreamLimits}. */
  public StreamConfig(int heartbeatSeconds, int retryMs, long gapWaitMillis, long maxQueuedBytes, Retention retention) {
    this(heartbeatSeconds, retryMs, gapWaitMillis, maxQueuedBytes, retention, StreamLimits.defaults());
  }

  public static StreamConfig defaults() {
    return new StreamConfig(15, 3000, 250, 4L * 1024 * 1024, Retention.DEFAULT);
  }
}
