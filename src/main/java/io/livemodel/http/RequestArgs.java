package io.livemodel.http;

import io.livemodel.model.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The arguments of one REST call, sourced as strong-remoting does: the body (parsed only for
 * {@code application/json} and {@code application/x-www-form-urlencoded}; otherwise ignored), the
 * query string (qs bracket syntax), and for "auto" arguments a request header of the same name.
 */
final class RequestArgs {

  private static final Object NO_BODY = new Object();

  private final RoutingContext ctx;
  private final JsonObject query;
  private Object body = NO_BODY;

  RequestArgs(RoutingContext ctx) {
    this.ctx = ctx;
    this.query = Qs.decode(ctx.request().query());
  }

  /**
   * The parsed body: a JSON value for JSON requests, an object for urlencoded ones, null when the
   * request has no body or another content type.
   *
   * @throws ApiError 400 SyntaxError for malformed JSON (invalid UTF-8, too deep, non-finite numbers)
   */
  Object body() {
    if (body == NO_BODY) {
      body = parseBody();
    }
    return body;
  }

  /** An "auto" argument: from the body object, else the query, else a header; null if absent. */
  Object auto(String name) {
    Object parsed = body();
    if (parsed instanceof JsonObject object && object.getValue(name) != null) {
      return object.getValue(name);
    }
    Object fromQuery = query.getValue(name);
    if (fromQuery != null) {
      return fromQuery;
    }
    return ctx.request().getHeader(name);
  }

  /** A query-only argument. */
  Object fromQuery(String name) {
    return query.getValue(name);
  }

  private Object parseBody() {
    Buffer raw = ctx.body().buffer();
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (media.equals("application/json")) {
      if (raw == null || raw.length() == 0) {
        return new JsonObject();
      }
      return parseJson(raw);
    }
    if (media.equals("application/x-www-form-urlencoded")) {
      return raw == null ? new JsonObject() : Qs.decode(raw.toString());
    }
    return null;
  }

  static Object parseJson(Buffer raw) {
    Object value;
    try {
      value = Json.decodeValue(raw);
    } catch (DecodeException e) {
      throw new ApiError(400, "SyntaxError", syntaxMessage(e), null, null);
    }
    if (!finite(value)) {
      throw new ApiError(400, "SyntaxError", "Number out of range in JSON: numbers must be finite", null, null);
    }
    return value;
  }

  private static String syntaxMessage(DecodeException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int newline = message.indexOf('\n');
    String first = newline > 0 ? message.substring(0, newline) : message;
    return "Unexpected token in JSON: " + first.replace("Failed to decode:", "").trim();
  }

  /** Whether every number in the value is finite (JSON.parse turns 1e309 into Infinity; we refuse it). */
  private static boolean finite(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f);
    }
    if (value instanceof JsonObject object) {
      for (var entry : object) {
        if (!finite(entry.getValue())) {
          return false;
        }
      }
    } else if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (!finite(item)) {
          return false;
        }
      }
    }
    return true;
  }
}
