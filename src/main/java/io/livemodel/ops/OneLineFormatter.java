package io.livemodel.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per log event: {@code 2026-12-07T12:00:00.123Z WARNING io.livemodel.x.Y: message}, then,
 * for an event with an exception, {@code | Type: message at frame <- frame <- frame} and its causes,
 * on the same line. Line breaks inside messages are written as {@code \n}, so a log line is an event.
 */
public final class OneLineFormatter extends Formatter {

  /** Stack frames shown per exception: where it was thrown, and the two callers before. */
  static final int FRAMES = 3;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(160)
        .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
        .append(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(": ")
        .append(oneLine(formatMessage(record)));
    for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      line.append(t == record.getThrown() ? " | " : " | caused by ").append(summary(t));
    }
    return line.append(System.lineSeparator()).toString();
  }

  /** {@code Type: message at frame <- frame}, on one line. */
  static String summary(Throwable t) {
    StringBuilder out = new StringBuilder(t.getClass().getName());
    if (t.getMessage() != null) {
      out.append(": ").append(oneLine(t.getMessage()));
    }
    StackTraceElement[] frames = t.getStackTrace();
    for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
      out.append(i == 0 ? " at " : " <- ").append(frames[i]);
    }
    return out.toString();
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
