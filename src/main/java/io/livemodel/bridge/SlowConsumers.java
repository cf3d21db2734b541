package io.livemodel.bridge;

import io.livemodel.log.RateLimitedLog;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.streams.WriteStream;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bridges' slow-consumer cutoff ({@code bridge.maxQueuedBytes}), the counterpart of change
 * streams' {@code stream.maxQueuedBytes}: every message handed to a bridge connection while its write
 * queue is full counts its bytes against the connection's {@link Backlog}; the count restarts when
 * the queue drains (its drain handler: neither bridge sets one itself). A connection whose backlog passes the limit is closed at once (its
 * queued bytes are dropped with it), so a client that registers and never reads costs the server at
 * most about the limit past the write queue, instead of growing until the heap is gone. The client
 * may reconnect.
 */
final class SlowConsumers {

  private static final Logger LOG = Logger.getLogger(SlowConsumers.class.getName());
  private static final RateLimitedLog CUTOFFS = new RateLimitedLog(LOG, 10_000);

  /** The bytes handed to one connection since its write queue became full. Event-loop confined. */
  static final class Backlog {
    private long bytes;
    private boolean watched;
  }

  private SlowConsumers() {
  }

  /**
   * Accounts one message for a connection; returns true if the connection had to be cut off (it is
   * then closed, and the message should be dropped).
   *
   * @param stream what the bridge writes to (its {@code writeQueueFull()} is the signal)
   * @param connection the underlying connection, closed hard when cut off; else {@code stream} is ended
   * @param size the message's size in bytes, asked for only while the queue is full
   */
  static boolean account(WriteStream<?> stream, Object connection, Backlog backlog, LongSupplier size,
                         long maxQueuedBytes, String what) {
    if (!stream.writeQueueFull()) {
      return false;
    }
    if (!backlog.watched) {
      // Restart the count only once the queue has really drained (half empty), not each time it dips below full.
      backlog.watched = true;
      stream.drainHandler(v -> backlog.bytes = 0);
    }
    backlog.bytes += size.getAsLong();
    if (backlog.bytes <= maxQueuedBytes) {
      return false;
    }
    long queued = backlog.bytes;
    CUTOFFS.log(Level.INFO, what, () -> what + " disconnected: " + queued
        + " bytes queued past a full write queue, more than maxQueuedBytes (" + maxQueuedBytes + ")");
    backlog.bytes = 0;
    if (connection instanceof ConnectionBase base && base.channel().eventLoop().inEventLoop()) {
      // A hard close, below the pipeline: a WebSocket's handlers would otherwise first queue a close
      // frame behind everything already queued, and wait for the client's answer.
      base.channel().unsafe().close(base.channel().unsafe().voidPromise());
    } else if (connection instanceof ConnectionBase base) {
      base.channel().close();
    } else {
      stream.end();
    }
    return true;
  }
}
