package io.livemodel.log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log for events a client can trigger at will (malformed requests, unknown bridge frames): each
 * kind of event is logged at most once per interval, with the number of events suppressed since its
 * last line, so that no client can flood the log or make the node spend its time logging. Never
 * logs stack traces: the client's input, not the server, is at fault.
 *
 * <p>Thread-safe.
 */
public final class RateLimitedLog {

  private final Logger logger;
  private final long intervalNanos;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong suppressed = new AtomicLong();
  }

  public RateLimitedLog(Logger logger, long intervalMillis) {
    this.logger = logger;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  /**
   * Logs {@code message} at {@code level} under {@code kind} unless a line of that kind was logged
   * within the interval; returns whether it logged. The message is built only when it is logged.
   */
  public boolean log(Level level, String kind, Supplier<String> message) {
    if (!logger.isLoggable(level)) {
      return false;
    }
    Window window = windows.computeIfAbsent(kind, k -> new Window());
    long now = System.nanoTime();
    long next = window.next.get();
    if ((next != Long.MIN_VALUE && now - next < 0) || !window.next.compareAndSet(next, now + intervalNanos)) {
      window.suppressed.incrementAndGet();
      return false;
    }
    long suppressed = window.suppressed.getAndSet(0);
    logger.log(level, message.get() + (suppressed > 0 ? " (" + suppressed + " similar suppressed)" : ""));
    return true;
  }
}
