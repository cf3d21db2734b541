package io.livemodel.ops;

import io.livemodel.model.ApiError;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the node's registry in the Prometheus text format (0.0.4). With a token
 * configured, a request must carry {@code Authorization: Bearer <token>} or {@code ?token=<token>};
 * others get a LoopBack-style 401. The scrape runs on a worker thread: it walks every meter, and
 * gauges such as the cluster's member count may ask Hazelcast.
 */
final class MetricsEndpoint implements Handler<RoutingContext> {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final byte[] token;

  MetricsEndpoint(PrometheusMeterRegistry registry, String token) {
    this.registry = registry;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (token != null && !authorized(ctx)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ctx.fail(new ApiError(401, "Error", "metrics need a token (Authorization: Bearer <token>)", "AUTHORIZATION_REQUIRED", null));
      return;
    }
    ctx.vertx().executeBlocking(registry::scrape, false).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
        return;
      }
      ctx.response()
          .putHeader("Content-Type", CONTENT_TYPE)
          .putHeader("Cache-Control", "no-cache")
          .end(result.result());
    });
  }

  private boolean authorized(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim() : ctx.request().getParam("token");
    return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }
}
