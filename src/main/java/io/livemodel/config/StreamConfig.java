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
 */
public record StreamConfig(int heartbeatSeconds, int retryMs, long gapWaitMillis, long maxQueuedBytes,
                           Retention retention, StreamLimits limits) {

  /** With the default {@link StreamLimits}. */
  public StreamConfig(int heartbeatSeconds, int retryMs, long gapWaitMillis, long maxQueuedBytes, Retention retention) {
    this(heartbeatSeconds, retryMs, gapWaitMillis, maxQueuedBytes, retention, StreamLimits.defaults());
  }

  public static StreamConfig defaults() {
    return new StreamConfig(15, 3000, 250, 4L * 1024 * 1024, Retention.DEFAULT);
  }
}
