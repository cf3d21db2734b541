package io.livemodel.http;

import io.livemodel.auth.AccessToken;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.stream.ChangeFilter;
import io.livemodel.stream.ChangeHub;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET|POST /api/<Plural>/change-stream}: chooses the wire format as LoopBack does (SSE when
 * {@code _format=event-stream} or the client accepts {@code text/event-stream}, which includes no
 * Accept header and {@code *}{@code /*}; else the JSON-lines stream for JSON clients; else 406),
 * reads {@code options}, and hands the response to a subscriber of this verticle's hub.
 */
final class ChangeStreamEndpoint {

  private final ChangeHub hub;
  private final FlushBatch flushBatch = new FlushBatch();
  private final int retryMs;
  private final long maxQueuedBytes;
  /** {@code stream.tcpNoDelay}: false lets the kernel coalesce a stream's sends (Nagle). */
  private final boolean tcpNoDelay;
  private final StreamAdmission admission;

  /**
   * One per HTTP verticle: used on its event loop only.
   *
   * @param admission the node's stream admission, shared by its HTTP verticles
   */
  ChangeStreamEndpoint(ChangeHub hub, int retryMs, long maxQueuedBytes, boolean tcpNoDelay, StreamAdmission admission) {
    this.hub = hub;
    this.admission = admission;
    this.retryMs = retryMs;
    this.maxQueuedBytes = maxQueuedBytes;
    this.tcpNoDelay = tcpNoDelay;
  }

  void open(RoutingContext ctx, ModelDefinition model, RequestArgs args) {
    open(ctx, model, args, null, null, null);
  }

  /**
   * @param ownerWhere the caller's own records where READ comes only from {@code $owner} (ANDed into
   *     the subscription's filter, so one owner's subscribers share a filter group), or null
   * @param token the token the stream was allowed with (the stream ends with it), or null
   * @param streams this verticle's token streams (with {@code token})
   */
  void open(RoutingContext ctx, ModelDefinition model, RequestArgs args, JsonObject ownerWhere, AccessToken token,
            TokenStreams streams) {
    open(ctx, model, args, null, ownerWhere, token, streams);
  }

  /**
   * A relation's change stream ({@link RelationStreams}) when {@code membership} is given: {@code model}
   * is the relation's target and {@code membership} the where of the parent's rows; the client's
   * {@code options} narrow it ({@link ChangeFilter#ofRelation}).
   */
  void open(RoutingContext ctx, ModelDefinition model, RequestArgs args, JsonObject membership, JsonObject ownerWhere,
            AccessToken token, TokenStreams streams) {
    JsonObject options = options(args.auto("options"));
    if (membership == null && ownerWhere != null) {
      options = options == null ? new JsonObject() : options.copy();
      Object own = io.livemodel.filter.FilterParser.toObject(options.getValue("where"));
      options.put("where", own == null ? ownerWhere : new JsonObject().put("and", new JsonArray().add(ownerWhere).add(own)));
    }
    ChangeFilter filter = membership == null ? ChangeFilter.of(model, options)
        : ChangeFilter.ofRelation(model, membership, options, ownerWhere);
    String accept = ctx.request().getHeader("Accept");
    boolean sse = "event-stream".equals(args.fromQuery("_format")) || Accepts.accepts(accept, "text/event-stream");
    StreamSubscriber subscriber;
    if (sse) {
      subscriber = new SseSubscriber(ctx.response(), flushBatch, hub, model, filter, maxQueuedBytes, retryMs);
    } else if (Accepts.accepts(accept, "application/json")) {
      subscriber = new JsonLinesSubscriber(ctx.response(), flushBatch, hub, model, filter, maxQueuedBytes);
    } else {
      Responses.notAcceptable(ctx.response());
      return;
    }
    long afterSeq = sse ? lastEventId(ctx, args) : -1;
    if (token != null) {
      streams.track(subscriber, token);
    }
    StreamAdmission.Ticket ticket = admission.admit(ctx.request().remoteAddress().hostAddress(), afterSeq >= 0);
    RequestGate.release(ctx);  // a stream: counted by the stream limits from now on, not as a request in progress
    subscriber.open(ctx.request(), afterSeq, ticket, tcpNoDelay);
  }

  /**
   * Where a resuming SSE client stands: the {@code Last-Event-ID} header (EventSource sends it when it
   * reconnects) or a {@code lastEventId} query parameter; -1 for a new, live-only stream.
   */
  private static long lastEventId(RoutingContext ctx, RequestArgs args) {
    Object raw = ctx.request().getHeader("Last-Event-ID");
    if (raw == null) {
      raw = args.fromQuery("lastEventId");
    }
    if (raw == null || raw.toString().isBlank()) {
      return -1;
    }
    try {
      long id = Long.parseLong(raw.toString().trim());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Last-Event-ID must be a change sequence number (a whole number >= 0), not " + raw);
    }
  }

  /** The {@code options} argument: absent, a JSON object, or JSON text of one. */
  private static JsonObject options(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof JsonObject object) {
      return object;
    }
    if (raw instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.isEmpty()) {
        return null;
      }
      if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
        try {
          return new JsonObject(trimmed);
        } catch (DecodeException e) {
          throw ApiError.badRequest("Cannot parse JSON-encoded object value.");
        }
      }
    }
    throw ApiError.badRequest("Value is not an object.");
  }
}
