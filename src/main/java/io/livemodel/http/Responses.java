package io.livemodel.http;

import io.livemodel.model.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes JSON answers and LoopBack error bodies, with Express's weak ETag and 304 handling. */
final class Responses {

  static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final Logger LOG = Logger.getLogger(Responses.class.getName());

  private Responses() {
  }

  /** The routing-context key marking a request answered in XML. */
  static final String XML = "livemodel.xml";

  /** 200 with {@code value} in the negotiated format (JSON unless the request asked for XML). */
  static void send(RoutingContext ctx, Object value) {
    if (Boolean.TRUE.equals(ctx.get(XML))) {
      Object json = value instanceof List<?> list ? new JsonArray(new ArrayList<>(list)) : value;
      ctx.response().putHeader("Content-Type", Xml.CONTENT_TYPE).end(Xml.render(json));
    } else {
      json(ctx.request(), value);
    }
  }

  /** 200 with the JSON of {@code value} (a Vert.x JSON type, a List, a Boolean, ...). */
  static void json(HttpServerRequest request, Object value) {
    Buffer body = Json.encodeToBuffer(value);
    HttpServerResponse response = request.response();
    String etag = etag(body);
    response.putHeader("Content-Type", JSON_TYPE).putHeader("ETag", etag);
    HttpMethod method = request.method();
    if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.end(body);
  }

  /**
   * Renders any failure: ApiErrors as they say, a malformed request that Vert.x or Netty refused as its
   * 4xx ({@link ClientFaults}), anything else as LoopBack's anonymous 500.
   */
  static void error(HttpServerRequest request, Throwable failure) {
    ApiError error = failure instanceof ApiError api ? api : ClientFaults.classify(failure);
    if (error == null && failure instanceof HttpClosedException) {
      // The connection closed mid-request (usually the client went away): no server fault, no stack trace.
      LOG.log(Level.FINE, "{0} {1}: the connection closed", new Object[] {request.method(), request.path()});
      error = ApiError.internal("Internal Server Error");
    } else if (error != null && !(failure instanceof ApiError)) {
      ClientFaults.log(request.method().name(), request.path(), error, failure);
    } else if (error == null) {
      LOG.log(Level.WARNING, request.method() + " " + request.path() + " failed", failure);
      error = ApiError.internal("Internal Server Error");
    }
    error(request.response(), error);
  }

  static void error(HttpServerResponse response, ApiError error) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    if (error.retryAfterSeconds() > 0) {
      response.putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
    }
    response.setStatusCode(error.statusCode())
        .putHeader("Content-Type", JSON_TYPE)
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(error.toJson().toBuffer());
  }

  /** Express's 406 for a request that accepts no format the REST API has. */
  static void notAcceptable(HttpServerResponse response) {
    response.setStatusCode(406).putHeader("Content-Type", "text/plain; charset=utf-8").end("Not Acceptable");
  }

  /** The {@code etag} package's weak ETag: length in hex and the first 27 base64 chars of SHA-1. */
  static String etag(Buffer body) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-1").digest(body.getBytes());
      String hash = Base64.getEncoder().encodeToString(sha).substring(0, 27);
      return "W/\"" + Integer.toHexString(body.length()) + "-" + hash + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject count(long n) {
    return new JsonObject().put("count", n);
  }
}
