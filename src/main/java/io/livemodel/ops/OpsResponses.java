package io.livemodel.ops;

import io.livemodel.model.ApiError;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/** LoopBack-style error bodies for the operator routes served outside the REST router (management port). */
final class OpsResponses {

  private static final Logger LOG = Logger.getLogger(OpsResponses.class.getName());

  private OpsResponses() {
  }

  static void failure(RoutingContext ctx) {
    ApiError error;
    if (ctx.failure() instanceof ApiError api) {
      error = api;
    } else if (ctx.failure() != null) {
      LOG.log(Level.WARNING, ctx.request().method() + " " + ctx.request().path() + " failed", ctx.failure());
      error = ApiError.internal("Internal Server Error");
    } else {
      error = new ApiError(ctx.statusCode(), "Error", "HTTP " + ctx.statusCode(), null, null);
    }
    send(ctx.response(), error);
  }

  static void send(HttpServerResponse response, ApiError error) {
    if (response.headWritten()) {
      response.reset();
      return;
    }
    response.setStatusCode(error.statusCode())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(error.toJson().toBuffer());
  }
}
