package io.livemodel.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line ({@code logging.format: json}, {@code LIVEMODEL_LOG_FORMAT=json}), for log
 * collectors: {@code {"time","level","logger","thread","message"}} and, with an exception,
 * {@code "error":{"type","message","stack":[...],"cause":{...}}}.
 */
public final class JsonLogFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    JsonObject line = new JsonObject()
        .put("time", Instant.ofEpochMilli(record.getMillis()).toString())
        .put("level", record.getLevel().getName())
        .put("logger", record.getLoggerName())
        .put("thread", Thread.currentThread().getName())
        .put("message", formatMessage(record));
    if (record.getThrown() != null) {
      line.put("error", error(record.getThrown(), 0));
    }
    return line.encode() + System.lineSeparator();
  }

  private static JsonObject error(Throwable t, int depth) {
    JsonArray stack = new JsonArray();
    for (StackTraceElement frame : t.getStackTrace()) {
      stack.add(frame.toString());
    }
    JsonObject error = new JsonObject().put("type", t.getClass().getName()).put("message", t.getMessage())
        .put("stack", stack);
    Throwable cause = t.getCause();
    return cause == null || cause == t || depth > 8 ? error : error.put("cause", error(cause, depth + 1));
  }
}
