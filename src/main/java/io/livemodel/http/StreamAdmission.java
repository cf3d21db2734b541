package io.livemodel.http;

import io.livemodel.config.StreamLimits;
import io.livemodel.model.ApiError;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides, before a change stream opens, whether the node can take it: at most
 * {@link StreamLimits#maxStreamsPerClient()} per client address (429), at most the node's stream
 * budget (503: its file descriptors, less those kept back for requests), and no new resume while
 * the bytes queued for slow clients over the whole node are spent (503). Refusals carry a
 * {@code Retry-After}.
 *
 * <p>Thread-safe: one per node, shared by its HTTP verticles.
 */
public final class StreamAdmission {

  private static final Logger LOG = Logger.getLogger(StreamAdmission.class.getName());

  private final StreamLimits limits;
  private final int maxStreams;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();
  private final AtomicLong queued = new AtomicLong();

  public StreamAdmission(StreamLimits limits) {
    this(limits, fileDescriptorLimit());
  }

  StreamAdmission(StreamLimits limits, long fileDescriptorLimit) {
    this.limits = limits;
    long fromDescriptors = fileDescriptorLimit <= 0 ? Integer.MAX_VALUE
        : Math.max(1, fileDescriptorLimit - limits.reservedFileDescriptors());
    this.maxStreams = (int) Math.min(limits.maxStreams() > 0 ? limits.maxStreams() : Integer.MAX_VALUE, fromDescriptors);
  }

  /** A stream's place, released exactly once. */
  interface Ticket {
    void release();

    /** Bytes now queued for this stream's slow client changed by {@code delta}. */
    void queued(long delta);
  }

  /**
   * Admits a stream of {@code client} (an address), or throws the refusal.
   *
   * @param resuming whether the stream replays history first (refused while the node's queued bytes are spent)
   */
  Ticket admit(String client, boolean resuming) {
    if (resuming && queued.get() >= limits.maxQueuedBytesTotal()) {
      throw refusal(503, "ServiceUnavailableError", "STREAMS_BUSY",
          "the server is holding too much data for slow clients to replay history now; retry later");
    }
    if (open.incrementAndGet() > maxStreams) {
      open.decrementAndGet();
      LOG.log(Level.FINE, "refused a change stream: the node holds {0} streams", maxStreams);
      throw refusal(503, "ServiceUnavailableError", "TOO_MANY_STREAMS",
          "the server holds as many change streams as it can (" + maxStreams + "); retry later");
    }
    int max = limits.maxStreamsPerClient();
    boolean[] over = {false};
    perClient.compute(client, (k, n) -> {
      int next = (n == null ? 0 : n) + 1;
      if (max > 0 && next > max) {
        over[0] = true;
        return n;
      }
      return next;
    });
    if (over[0]) {
      open.decrementAndGet();
      throw refusal(429, "TooManyRequestsError", "TOO_MANY_STREAMS",
          "a client may hold at most " + max + " change streams at once");
    }
    return new Ticket() {
      private boolean released;
      private long mine;

      @Override
      public void release() {
        if (!released) {
          released = true;
          open.decrementAndGet();
          perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
          queued.addAndGet(-mine);
          mine = 0;
        }
      }

      @Override
      public void queued(long delta) {
        if (!released) {
          mine += delta;
          queued.addAndGet(delta);
        }
      }
    };
  }

  int openStreams() {
    return open.get();
  }

  long queuedBytes() {
    return queued.get();
  }

  int maxStreams() {
    return maxStreams;
  }

  private ApiError refusal(int status, String name, String code, String message) {
    return new ApiError(status, name, message, code, null).retryAfter(limits.retryAfterSeconds());
  }

  /** The process's file-descriptor limit, or 0 when the platform does not say. */
  static long fileDescriptorLimit() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return 0;
  }
}
