package io.livemodel.ops;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The access log (off by default: {@code logging.accessLog}, {@code LIVEMODEL_ACCESS_LOG}): one INFO
 * record per request on the logger {@code io.livemodel.access} when its response ends, e.g.
 * {@code 127.0.0.1 GET /api/MyModels 200 312 B 4 ms}. The query string is left out (it may carry an
 * access token). Change streams are logged when they end.
 */
final class AccessLog implements Handler<RoutingContext> {

  static final Logger LOG = Logger.getLogger("io.livemodel.access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> {
      long millis = (System.nanoTime() - start) / 1_000_000;
      String remote = ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().hostAddress();
      LogRecord record = new LogRecord(Level.INFO, remote + " " + ctx.request().method() + " " + ctx.request().path()
          + " " + ctx.response().getStatusCode() + " " + ctx.response().bytesWritten() + " B " + millis + " ms");
      record.setLoggerName(LOG.getName());
      LOG.log(record);
    });
    ctx.next();
  }
}
