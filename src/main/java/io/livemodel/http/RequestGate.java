package io.livemodel.http;

import io.livemodel.limits.ClientKey;
import io.livemodel.limits.ClientLimiter;
import io.livemodel.model.ApiError;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first decision on every request after CORS (so a refusal carries CORS headers): one client
 * address may have at most {@code http.maxRequestsInFlightPerClient} requests in progress on this
 * node; above it, 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After: 1}, before any work
 * (body, token, query) is done. A request's place is freed when its response ends or its connection
 * closes, and as soon as it becomes a change stream (streams have their own limits:
 * {@link StreamAdmission}). The SockJS bridge, whose transports are long-lived, is not counted (it
 * has its per-socket limits). The address is the connection's peer (forwarding headers are not trusted).
 *
 * <p>It also names the client for the layers below ({@link ClientKey}), e.g. for the PostgreSQL
 * store's share of its pool per client. Thread-safe: one per node, shared by its HTTP verticles.
 */
public final class RequestGate {

  private static final String PERMIT = "livemodel.request-permit";

  private final int maxPerClient;
  private final ClientLimiter limiter;
  private final String bridgePath;

  /**
   * @param maxPerClient requests in progress per client address (0: no limit)
   * @param bridgePath the SockJS bridge's path (not counted), or null
   */
  public RequestGate(int maxPerClient, String bridgePath) {
    this.maxPerClient = maxPerClient;
    this.limiter = new ClientLimiter(() -> maxPerClient);
    this.bridgePath = bridgePath == null ? null : bridgePath.endsWith("/") ? bridgePath : bridgePath + "/";
  }

  void mount(Router router) {
    router.route().handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    String client = client(ctx);
    ClientKey.bind(client);
    if (maxPerClient <= 0 || bridgePath != null && (ctx.request().path() + "/").startsWith(bridgePath)) {
      ctx.next();
      return;
    }
    ClientLimiter.Permit permit = limiter.tryAcquire(client);
    if (permit == null) {
      throw new ApiError(429, "TooManyRequestsError", "Too many requests in progress from this client "
          + "(http.maxRequestsInFlightPerClient: " + maxPerClient + "); retry later", "TOO_MANY_REQUESTS", null)
          .retryAfter(1);
    }
    ctx.put(PERMIT, permit);
    ctx.addEndHandler(ended -> permit.close());
    ctx.next();
  }

  /** The request became a long-lived stream, counted by its own limits from now on: its place is freed. */
  static void release(RoutingContext ctx) {
    if (ctx.get(PERMIT) instanceof ClientLimiter.Permit permit) {
      permit.close();
    }
  }

  /** Requests of {@code client} (an address) in progress. */
  public int inProgress(String client) {
    return limiter.inProgress(client);
  }

  /** Clients with requests in progress (tests check it for leaks). */
  public int clients() {
    return limiter.clients();
  }

  static String client(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
  }
}
