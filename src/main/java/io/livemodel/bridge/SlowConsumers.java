package io.livemodel.bridge;

import io.livemodel.log.RateLimitedLog;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bridges' slow-consumer cutoff ({@code bridge.maxQueuedBytes}), the counterpart of change
 * streams' {@code stream.maxQueuedBytes}. A connection whose unsent bytes pass the limit is closed
 * at once (its queued bytes are dropped with it, its registrations end), so a client that registers
 * and never reads costs the server at most about the limit, instead of growing until the heap is
 * gone. The client may reconnect. Two ways of counting, one per bridge:
 * <ul>
 *   <li>{@link #write SockJS} (every transport: raw WebSocket, SockJS WebSocket, xhr-streaming,
 *       eventsource, htmlfile, xhr-polling, jsonp): the bridge's event handler writes each message
 *       itself and counts its bytes as unsent ({@link Unsent}) until the write's future completes,
 *       which happens once the bytes were handed to the operating system; a session without a
 *       receiving request (xhr-polling between polls) completes them only when the next poll takes
 *       them. Thus both what waits in the connection and what waits in the SockJS session count.</li>
 *   <li>{@link #account TCP}: the bridge writes without an event, so every message handed to a
 *       connection while its write queue is full counts against its {@link Backlog}; the count
 *       restarts when the queue drains (its drain handler: the TCP bridge sets none itself).</li>
 * </ul>
 * Cutoffs are logged at FINE, at most one line per bridge per 10 s: a client causes them at will.
 */
final class SlowConsumers {

  private static final Logger LOG = Logger.getLogger(SlowConsumers.class.getName());
  private static final RateLimitedLog CUTOFFS = new RateLimitedLog(LOG, 10_000);

  /** The bytes handed to one connection since its write queue became full. Event-loop confined. */
  static final class Backlog {
    private long bytes;
    private boolean watched;
  }

  /** The bytes written to one SockJS socket whose writes have not completed yet. Event-loop confined. */
  static final class Unsent {
    private long bytes;
    private boolean cutOff;

    /** Whether the socket was cut off (later messages are dropped until the bridge forgets it). */
    boolean cutOff() {
      return cutOff;
    }
  }

  private SlowConsumers() {
  }

  /**
   * Writes one message to a SockJS socket unless that would leave more than {@code maxQueuedBytes}
   * unsent; then the socket is closed instead (its session with it: the bridge drops its
   * registrations) and its connection closed hard, and the message is dropped. Returns false if the
   * socket was cut off (now or before). Call on the socket's bridge context (its write futures
   * complete there, so {@code unsent} stays confined to it).
   *
   * @param close closes the socket (and its session), when cut off
   * @param connection the connection the socket's session was opened on, closed with {@code hardClose}
   *     when cut off (asked for only then; may give null: the socket is then only closed)
   * @param who names the client in the log line
   */
  static boolean write(WriteStream<Buffer> socket, Runnable close, Supplier<Object> connection, HardClose hardClose,
                       Buffer message, Unsent unsent, long maxQueuedBytes, Supplier<String> who) {
    if (unsent.cutOff) {
      return false;
    }
    long size = message.length();
    if (unsent.bytes + size > maxQueuedBytes) {
      unsent.cutOff = true;
      long queued = unsent.bytes;
      CUTOFFS.log(Level.FINE, "sockjs", () -> "SockJS bridge client " + who.get() + " disconnected: " + queued
          + " bytes unsent and " + size + " more to send, over bridge.maxQueuedBytes (" + maxQueuedBytes + ")");
      close.run();
      hardClose.close(connection.get());
      return false;
    }
    unsent.bytes += size;
    socket.write(message).onComplete(done -> unsent.bytes -= size);
    return true;
  }

  /**
   * Accounts one message for a connection; returns true if the connection had to be cut off (it is
   * then closed, and the message should be dropped).
   *
   * @param stream what the bridge writes to (its {@code writeQueueFull()} is the signal)
   * @param connection the underlying connection, closed with {@code hardClose} when cut off; if that
   *     cannot, {@code stream} is ended
   * @param size the message's size in bytes, asked for only while the queue is full
   * @param who names the client in the log line
   */
  static boolean account(WriteStream<?> stream, Object connection, HardClose hardClose, Backlog backlog,
                         LongSupplier size, long maxQueuedBytes, Supplier<String> who) {
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
    CUTOFFS.log(Level.FINE, "tcp", () -> "TCP bridge client " + who.get() + " disconnected: " + queued
        + " bytes queued past a full write queue, over bridge.maxQueuedBytes (" + maxQueuedBytes + ")");
    backlog.bytes = 0;
    if (!hardClose.close(connection)) {
      stream.end();
    }
    return true;
  }
}
