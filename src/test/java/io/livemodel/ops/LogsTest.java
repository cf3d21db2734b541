package io.livemodel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Log formats and routine warnings")
class LogsTest {

  /** A handler that keeps what it is given in {@code seen}. */
  private static Handler capture(List<LogRecord> seen) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        seen.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
  }

  private static LogRecord record(Level level, String message, Throwable thrown) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName("io.livemodel.test");
    record.setThrown(thrown);
    return record;
  }

  @Test
  @DisplayName("the text format writes one line per event, exception and cause included")
  void oneLine() {
    RuntimeException failure = new RuntimeException("outer\nsecond line", new IllegalStateException("inner"));
    String line = new OneLineFormatter().format(record(Level.WARNING, "write failed\nagain", failure));
    assertThat(line.strip()).doesNotContain("\n");
    assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARNING io\\.livemodel\\.test: .*\\R")
        .contains("write failed\\nagain | java.lang.RuntimeException: outer\\nsecond line at ")
        .contains(" | caused by java.lang.IllegalStateException: inner at ");
  }

  @Test
  @DisplayName("the JSON format writes one JSON object per line")
  void json() {
    String line = new JsonLogFormatter().format(record(Level.INFO, "hello", new RuntimeException("boom")));
    assertThat(line.strip()).doesNotContain("\n");
    JsonObject event = new JsonObject(line);
    assertThat(event.getString("level")).isEqualTo("INFO");
    assertThat(event.getString("logger")).isEqualTo("io.livemodel.test");
    assertThat(event.getString("message")).isEqualTo("hello");
    assertThat(event.getJsonObject("error").getString("message")).isEqualTo("boom");
  }

  @Test
  @DisplayName("a PostgreSQL NOTICE logged at WARNING by the pg client comes out at FINE; its real warnings stay")
  void noticesAtFine() {
    Logs.demoteRoutineWarnings();
    Logger pg = Logger.getLogger("io.vertx.sqlclient.impl.SocketConnectionBase");
    List<LogRecord> seen = new ArrayList<>();
    Handler capture = capture(seen);
    Level before = pg.getLevel();
    pg.addHandler(capture);
    pg.setUseParentHandlers(false); // keeps the test's own warning out of the build output
    pg.setLevel(Level.ALL);
    try {
      pg.warning("Backend notice: severity='NOTICE', code='42P07', message='relation \"x\" already exists, skipping'");
      pg.warning("connection reset");
    } finally {
      pg.removeHandler(capture);
      pg.setUseParentHandlers(true);
      pg.setLevel(before);
    }
    assertThat(seen).extracting(r -> r.getLevel() + " " + r.getMessage().substring(0, 15))
        .containsExactly("FINE Backend notice:", "WARNING connection rese");
  }

  @Test
  @DisplayName("Netty's io_uring overflow warning reaches the log once, not on every overflow")
  void ioUringOverflowOnce() {
    Logs.demoteRoutineWarnings();
    Logger netty = Logs.IO_URING;
    List<LogRecord> fromNetty = new ArrayList<>();
    List<LogRecord> fromLogs = new ArrayList<>();
    Handler nettyCapture = capture(fromNetty);
    Handler logsCapture = capture(fromLogs);
    netty.addHandler(nettyCapture);
    netty.setUseParentHandlers(false);
    Logs.LOG.addHandler(logsCapture);
    Logs.LOG.setUseParentHandlers(false);
    try {
      for (int i = 0; i < 200; i++) {
        netty.warning("CompletionQueue overflow detected, consider increasing size: 4096 ");
      }
      netty.warning("Unexpected exception in the event loop");
    } finally {
      netty.removeHandler(nettyCapture);
      netty.setUseParentHandlers(true);
      Logs.LOG.removeHandler(logsCapture);
      Logs.LOG.setUseParentHandlers(true);
    }
    // Netty's own lines: only the other warning. LiveModel's: at most one overflow line a minute (none if
    // an earlier test of this JVM already used the minute); the count of the rest is RateLimitedLog's.
    assertThat(fromNetty).extracting(LogRecord::getMessage).containsExactly("Unexpected exception in the event loop");
    assertThat(fromLogs).hasSizeLessThanOrEqualTo(1)
        .allSatisfy(r -> assertThat(r.getMessage()).startsWith("Netty io_uring: CompletionQueue overflow detected"));
  }
}
