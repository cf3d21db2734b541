package io.livemodel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A rate-limited log writes one line per kind and interval, and counts what it suppressed")
class RateLimitedLogTest {

  private final List<String> lines = new ArrayList<>();
  private final Logger logger = Logger.getLogger("test.ratelimited." + System.nanoTime());

  RateLimitedLogTest() {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    });
  }

  @Test
  @DisplayName("a flood of one kind gives one line; another kind still gets its own")
  void flood() {
    RateLimitedLog log = new RateLimitedLog(logger, 60_000);
    for (int i = 0; i < 1000; i++) {
      log.log(Level.FINE, "a", () -> "event a");
    }
    log.log(Level.FINE, "b", () -> "event b");
    assertThat(lines).containsExactly("event a", "event b");
  }

  @Test
  @DisplayName("after the interval the next line says how many were suppressed")
  void suppressedCount() throws InterruptedException {
    RateLimitedLog log = new RateLimitedLog(logger, 50);
    log.log(Level.FINE, "a", () -> "first");
    log.log(Level.FINE, "a", () -> "dropped");
    log.log(Level.FINE, "a", () -> "dropped");
    Thread.sleep(120);
    log.log(Level.FINE, "a", () -> "again");
    assertThat(lines).containsExactly("first", "again (2 similar suppressed)");
  }

  @Test
  @DisplayName("nothing is built or counted when the level is off")
  void levelOff() {
    logger.setLevel(Level.INFO);
    RateLimitedLog log = new RateLimitedLog(logger, 60_000);
    assertThat(log.log(Level.FINE, "a", () -> {
      throw new AssertionError("message built although FINE is off");
    })).isFalse();
    assertThat(lines).isEmpty();
  }
}
