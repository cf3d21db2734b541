package io.livemodel.bridge;

import io.livemodel.log.RateLimitedLog;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Demotes what vertx-web's and vertx-tcp-eventbus-bridge's bridges log at SEVERE for every frame of
 * an unknown type ("Invalid type in incoming message: ..."): a client sends such frames at will, so
 * each line would let it flood the log. They are logged here at FINE instead, at most once per 10 s.
 * The same for "SockJSSocket exception", logged with a stack trace whenever a client drops its
 * connection. And, at any level, vertx-web's debug line "outbound message rejected by bridge event
 * handler": {@link SockJsBridgeEvents} writes every message itself and so "rejects" each one. And
 * the event bus's WARNING "Discarding message since the consumer is not registered" for a
 * {@code changes.} address: a bridge socket that leaves (or is cut off) while changes are on their
 * way to its consumer causes one per change. Every other record of those loggers passes unchanged.
 * Installed once per process.
 */
final class BridgeLogFilter {

  private static final List<String> LOGGERS = List.of(
      "io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl",
      "io.vertx.ext.eventbus.bridge.tcp.impl.TcpEventBusBridgeImpl",
      "io.vertx.core.eventbus.impl.MessageConsumerImpl");
  private static final Logger LOG = Logger.getLogger(BridgeLogFilter.class.getName());
  private static final RateLimitedLog FRAMES = new RateLimitedLog(LOG, 10_000);
  /** Strong references: java.util.logging keeps loggers weakly, and a collected logger loses its filter. */
  private static final List<Logger> FILTERED = LOGGERS.stream().map(Logger::getLogger).toList();

  private BridgeLogFilter() {
  }

  static synchronized void install() {
    for (Logger logger : FILTERED) {
      if (logger.getFilter() == null) {
        logger.setFilter(record -> {
          String message = String.valueOf(record.getMessage());
          if (message.startsWith("Invalid type in incoming message")) {
            FRAMES.log(Level.FINE, "invalid-type", () -> "bridge frame refused: " + message);
            return false;
          }
          if (message.startsWith("Discarding message since the consumer is not registered. address: changes.")) {
            // A bridge socket's consumer of changes.<Model> removed (the client left or was cut off) while
            // changes were still on their way to it: one WARNING each, as often as a client likes.
            FRAMES.log(Level.FINE, "discarded", () -> "changes discarded for a bridge socket that is gone: " + message);
            return false;
          }
          if (message.startsWith("outbound message rejected by bridge event handler")) {
            // Every message SockJsBridgeEvents delivers itself (or drops on purpose): nothing to report.
            return false;
          }
          if (message.startsWith("SockJSSocket exception")) {
            // A client that went away (or was cut off): its fault, logged with a stack trace at SEVERE otherwise.
            FRAMES.log(Level.FINE, "socket-exception", () -> "bridge socket failed: " + record.getThrown());
            return false;
          }
          return true;
        });
      }
    }
  }
}
