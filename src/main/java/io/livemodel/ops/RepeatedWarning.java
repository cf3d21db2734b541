package io.livemodel.ops;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * A log filter for a warning a library repeats while a condition lasts: the records whose message
 * starts with {@code prefix} pass at most once per interval, the first of an interval with the number
 * of those withheld since the last one that passed; every other record passes. Thread-safe.
 *
 * <p>Used for Netty's io_uring "CompletionQueue overflow detected" (Netty logs it on every overflow:
 * hundreds of times while a thousand streams connect at once). An overflow loses nothing: the kernel
 * keeps the completions until the event loop takes them.
 */
final class RepeatedWarning implements Filter {

  private final String prefix;
  private final long intervalNanos;
  private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong withheld = new AtomicLong();

  RepeatedWarning(String prefix, long intervalMillis) {
    this.prefix = prefix;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    String message = record.getMessage();
    if (message == null || !message.startsWith(prefix)) {
      return true;
    }
    long now = System.nanoTime();
    long due = next.get();
    if ((due != Long.MIN_VALUE && now - due < 0) || !next.compareAndSet(due, now + intervalNanos)) {
      withheld.incrementAndGet();
      return false;
    }
    long count = withheld.getAndSet(0);
    if (count > 0) {
      record.setMessage(message + " (" + count + " more since the last such line, not logged)");
    }
    return true;
  }
}
