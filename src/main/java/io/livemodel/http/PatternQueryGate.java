package io.livemodel.http;

import io.livemodel.filter.QueryLimits;
import io.livemodel.limits.ClientLimiter;
import io.livemodel.model.ApiError;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits the reads with a client-chosen pattern ({@code like} family, {@code regexp}) that one client
 * address may have in progress on this node to {@code query.maxPatternQueriesPerClient}; over it,
 * 429 with {@code Retry-After: 1}. Such reads are what can hold query workers and database
 * connections, so one client cannot take every one of them from the others. The address is the
 * connection's peer (forwarding headers are not trusted). Shared by the node's HTTP verticles.
 */
final class PatternQueryGate {

  private static final ClientLimiter LIMITER =
      new ClientLimiter(() -> QueryLimits.current().maxPatternQueriesPerClient());

  private PatternQueryGate() {
  }

  /**
   * Takes a permit for this read if its filter or where argument names a pattern operator, released
   * when the response ends (or the connection closes).
   *
   * @throws ApiError 429 when the client is at its limit
   */
  static void enter(RoutingContext ctx, RequestArgs args) {
    if (!mentionsPattern(args.auto("filter")) && !mentionsPattern(args.auto("where"))) {
      return;
    }
    String client = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    ClientLimiter.Permit permit = LIMITER.tryAcquire(client);
    if (permit == null) {
      ctx.response().putHeader("Retry-After", "1");
      throw new ApiError(429, "Error", "Too many pattern queries in progress from this client (query.maxPatternQueriesPerClient: "
          + QueryLimits.current().maxPatternQueriesPerClient() + "); retry later", "TOO_MANY_REQUESTS", null);
    }
    ctx.addEndHandler(done -> permit.close());
  }

  /** A cheap over-approximation: the argument's text names an operator of the like family or regexp. */
  private static boolean mentionsPattern(Object argument) {
    if (argument == null) {
      return false;
    }
    String text = argument instanceof String s ? s : Json.encode(argument);
    return text.contains("like") || text.contains("regexp");
  }
}
