package io.livemodel.ops;

import io.livemodel.config.OpsConfig;
import io.livemodel.log.RateLimitedLog;

import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Start-up log settings: every handler of the root logger gets the configured format (one line of text
 * per event, or one JSON object per line); levels stay in {@code conf/logging.properties}.
 *
 * <p>Normal operation logs no warning: PostgreSQL NOTICEs (e.g. "relation ... already exists,
 * skipping" from the idempotent schema set-up), which the pg client logs at WARNING, and Micrometer's
 * "already registered" notes about meters Vert.x registers once per HTTP verticle, are logged again at
 * FINE on the same logger. Netty's io_uring "CompletionQueue overflow detected", which it logs on every
 * overflow (hundreds of lines while a thousand streams connect at once; nothing is lost), is logged on
 * this class's logger at most once a minute, with the count of those suppressed ({@link RateLimitedLog}).
 */
public final class Logs {

  /** Held strongly: java.util.logging keeps loggers weakly, and would drop the filters with them. */
  private static final List<Logger> DEMOTED = List.of(
      Logger.getLogger("io.vertx.sqlclient.impl.SocketConnectionBase"),
      Logger.getLogger("io.micrometer.core.instrument.MeterRegistry"));

  /** Netty's io_uring event loop, which warns on every completion queue overflow. */
  static final Logger IO_URING = Logger.getLogger("io.netty.channel.uring.IoUringIoHandler");
  static final Logger LOG = Logger.getLogger(Logs.class.getName());
  private static final RateLimitedLog REPEATED = new RateLimitedLog(LOG, 60_000);

  private Logs() {
  }

  /** Applies {@code config}'s log format to the root logger's handlers. Call once, at start-up. */
  public static void configure(OpsConfig config) {
    Formatter formatter = OpsConfig.JSON.equals(config.logFormat()) ? new JsonLogFormatter() : new OneLineFormatter();
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setFormatter(formatter);
    }
    demoteRoutineWarnings();
  }

  /** Installs the FINE re-logging of routine warnings and the limit on repeated ones (idempotent). */
  public static void demoteRoutineWarnings() {
    for (Logger logger : DEMOTED) {
      if (logger.getFilter() == null) {
        logger.setFilter(Logs::demote);
      }
    }
    if (IO_URING.getFilter() == null) {
      IO_URING.setFilter(record -> {
        String message = String.valueOf(record.getMessage());
        if (message.startsWith("CompletionQueue overflow detected")) {
          REPEATED.log(Level.WARNING, "io_uring-overflow", () -> "Netty io_uring: " + message.strip());
          return false;
        }
        return true;
      });
    }
  }

  /** False (and logged again at FINE) for a routine warning; true for anything else. */
  static boolean demote(LogRecord record) {
    String message = record.getMessage();
    boolean routine = record.getLevel() == Level.WARNING && message != null
        && (message.startsWith("Backend notice: severity='NOTICE'") || message.contains("has been already registered"));
    if (routine) {
      Logger logger = Logger.getLogger(record.getLoggerName());
      if (logger.isLoggable(Level.FINE)) {
        LogRecord fine = new LogRecord(Level.FINE, message);
        fine.setLoggerName(record.getLoggerName());
        fine.setInstant(record.getInstant());
        logger.log(fine);
      }
    }
    return !routine;
  }
}
