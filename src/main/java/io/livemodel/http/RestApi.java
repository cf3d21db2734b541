package io.livemodel.http;

import io.livemodel.crud.ModelOperations;
import io.livemodel.crud.WriteClient;
import io.livemodel.crud.WriteOp;
import io.livemodel.crud.WriteRequest;
import io.livemodel.crud.access.AccessControl;
import io.livemodel.crud.access.RestMethods;
import io.livemodel.crud.access.UserMethods;
import io.livemodel.auth.Principal;
import io.livemodel.auth.StreamAccess;
import io.livemodel.auth.TokenExtractor;
import java.util.function.Consumer;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.crud.relations.RelationRoutes;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PersistedModel REST routes under the REST root, matched as strong-remoting matches them
 * (API.md section 1): case-insensitively, a trailing slash ignored, static segments before
 * {@code :id}, HEAD running the GET route where there is no HEAD route. Reads run here, on the HTTP
 * verticle's event loop; writes go to the node's CRUD verticle.
 */
final class RestApi implements Handler<RoutingContext> {


  private final WriteClient writes;
  private final String root;
  private final ModelRegistry models;
  private final ModelOperations operations;
  private final ChangeStreamEndpoint changeStreams;
  private final RelationRoutes relations;
  private final AccessControl access;
  private final TokenStreams tokenStreams;
  private final RestMethods methods;
  private final UserMethods users;
  private final RelationStreams relationStreams;

  RestApi(Vertx vertx, String root, ModelRegistry models, ModelOperations operations,
          ChangeStreamEndpoint changeStreams, AccessControl access) {
    this.access = access;
    this.tokenStreams = new TokenStreams(vertx, vertx.getOrCreateContext(), access.principals());
    this.methods = new RestMethods(operations.relations());
    this.users = new UserMethods(vertx, operations.store(), models, access.principals(), access.throttle());
    this.writes = new WriteClient(vertx);
    this.root = root.toLowerCase(Locale.ROOT);
    this.models = models;
    this.operations = operations;
    this.changeStreams = changeStreams;
    this.relations = new RelationRoutes(vertx, operations);
    this.relationStreams = new RelationStreams(access, relations, changeStreams, tokenStreams);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = request.path();
    String lower = path.toLowerCase(Locale.ROOT);
    if (!lower.equals(root) && !lower.startsWith(root + "/")) {
      throw ApiError.notFound("Cannot " + request.method() + " " + path);
    }
    String rest = path.substring(root.length());
    List<String> segments = segments(rest);
    ModelDefinition model = segments.isEmpty() ? null : models.byPlural(segments.get(0));
    if (model == null) {
      ctx.response().putHeader("X-Warning", "There is no method to handle " + request.method() + " " + rest);
      throw ApiError.notFound("There is no method to handle " + request.method() + " " + (rest.isEmpty() ? "/" : rest));
    }
    if (!model.attached()) {
      // LoopBack routes a public model that model-config attaches to no data source; every call fails.
      throw ApiError.internal("Cannot call " + model.name() + " methods. The PersistedModel has not been"
          + " correctly attached to a DataSource!");
    }
    RequestArgs args = new RequestArgs(ctx);
    args.body();
    int afterModel = rest.indexOf('/', 1);
    String subPath = afterModel < 0 ? "" : rest.substring(afterModel);
    List<String> r = segments.subList(1, segments.size());
    if (relationStreams.serve(ctx, args, model, r)) {
      return;  // decided there: the target model's access counts too, even when this one is open
    }
    if (access.isOpen(model) && !model.isUserModel()) {
      route(ctx, args, model, r, subPath);  // a model without acls: no token is read, nothing is decided
      return;
    }
    RestMethods.Call call = methods.of(model, request.method(), r);
    if (call == null) {
      route(ctx, args, model, r, subPath);  // no method here: the route's 404, before any access check
      return;
    }
    String tokenId = TokenExtractor.extract(request);
    if (call.method().equals("createChangeStream")) {
      streamAccess(ctx, args, model, tokenId);
      return;
    }
    Future<Principal> decision = call.method().equals("setPassword")
        ? access.principals().resolve(tokenId)  // a reset token has no DEFAULT scope: UserMethods checks it
        : access.authorize(model, call.method(), tokenId, call.pathId());
    Consumer<Principal> next = principal -> {
      Future<Object> user = users.call(model, call.method(), args::auto, args.fromQuery("include"), tokenId,
          principal, request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
      if (user != null) {
        reply(ctx, user);
      } else {
        route(ctx, args, model, r, subPath);
      }
    };
    whenAllowed(ctx, decision, next);
  }

  /**
   * {@code createChangeStream}, decided once per subscription before any stream byte: a denied
   * caller gets the 401 JSON error; READ through {@code $owner} alone opens a stream of the caller's
   * own records (beyond LoopBack, which refuses it).
   */
  private void streamAccess(RoutingContext ctx, RequestArgs args, ModelDefinition model, String tokenId) {
    if (access.isOpen(model)) {
      changeStreams.open(ctx, model, args);
      return;
    }
    access.principals().resolve(tokenId).onComplete(resolved -> {
      if (resolved.failed()) {
        Responses.error(ctx.request(), resolved.cause());
        return;
      }
      Principal principal = resolved.result();
      access.streamAccess(model, principal).onComplete(done -> openStream(ctx, args, model, principal, done));
    });
  }

  private void openStream(RoutingContext ctx, RequestArgs args, ModelDefinition model, Principal principal,
                          AsyncResult<StreamAccess> done) {
    if (done.failed()) {
      Responses.error(ctx.request(), done.cause());
    } else if (!done.result().allowed()) {
      Responses.error(ctx.request(), AccessControl.denied());
    } else {
      try {
        changeStreams.open(ctx, model, args, done.result().where(), principal.token(), tokenStreams);
      } catch (RuntimeException e) {
        Responses.error(ctx.request(), e);
      }
    }
  }

  /** Runs {@code next} once the call is allowed: at once when decided already (an open model), else later. */
  private static void whenAllowed(RoutingContext ctx, Future<Principal> decision, Consumer<Principal> next) {
    if (decision.succeeded()) {
      next.accept(decision.result());
      return;
    }
    decision.onComplete(done -> {
      if (done.failed()) {
        Responses.error(ctx.request(), done.cause());
        return;
      }
      try {
        next.accept(done.result());
      } catch (RuntimeException e) {
        Responses.error(ctx.request(), e);
      }
    });
  }

  private void route(RoutingContext ctx, RequestArgs args, ModelDefinition model, List<String> r, String subPath) {
    HttpMethod method = ctx.request().method();
    boolean get = method == HttpMethod.GET || method == HttpMethod.HEAD;
    String first = r.isEmpty() ? null : r.get(0);
    String firstLower = first == null ? null : first.toLowerCase(Locale.ROOT);
    if (r.size() <= 1 && "change-stream".equals(firstLower) && (get || method == HttpMethod.POST)) {
      changeStreams.open(ctx, model, args);
      return;
    }
    if (!acceptable(ctx, args)) {
      Responses.notAcceptable(ctx.response());
      return;
    }
    if (get) {
      // Reads see when their client leaves (a long scan then stops: Cancellation).
      java.util.concurrent.atomic.AtomicBoolean gone = io.livemodel.limits.Cancellation.bind();
      ctx.addEndHandler(ended -> gone.set(ended.failed()));
      PatternQueryGate.enter(ctx, args);
    }
    if (r.isEmpty()) {
      if (get) {
        reply(ctx, operations.find(model, args.auto("filter")));
      } else if (method == HttpMethod.POST) {
        write(ctx, model, WriteOp.CREATE, null, args.body(), null);
      } else if (method == HttpMethod.PUT) {
        write(ctx, model, WriteOp.REPLACE_OR_CREATE, null, args.body(), null);
      } else if (method == HttpMethod.PATCH) {
        write(ctx, model, WriteOp.PATCH_OR_CREATE, null, args.body(), null);
      } else {
        noMethod(ctx, model, subPath);
      }
    } else if (r.size() == 1) {
      routeOne(ctx, args, model, first, firstLower, subPath);
    } else if (r.size() == 2 && get && r.get(1).equalsIgnoreCase("exists")) {
      reply(ctx, operations.exists(model, first).map(e -> new JsonObject().put("exists", e)));
    } else if (r.size() == 2 && method == HttpMethod.POST && r.get(1).equalsIgnoreCase("replace")) {
      write(ctx, model, WriteOp.REPLACE_BY_ID, first, args.body(), null);
    } else if (!routeRelation(ctx, args, model, r)) {
      noMethod(ctx, model, subPath);
    }
  }

  /** The relation methods ({@link RelationRoutes}); false when none is at this path. */
  private boolean routeRelation(RoutingContext ctx, RequestArgs args, ModelDefinition model, List<String> r) {
    Future<Object> answer = relations.route(model, ctx.request().method(), r, args::auto, args.body());
    if (answer == null) {
      return false;
    }
    answer.onComplete(done -> {
      if (done.succeeded() && (done.result() == RelationRoutes.NO_CONTENT)) {
        noContent(ctx);
      } else {
        reply(ctx, done.succeeded() ? Future.succeededFuture(done.result()) : Future.failedFuture(done.cause()));
      }
    });
    return true;
  }

  private void routeOne(RoutingContext ctx, RequestArgs args, ModelDefinition model, String first, String lower,
                        String subPath) {
    HttpMethod method = ctx.request().method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
      if (lower.equals("count")) {
        reply(ctx, operations.count(model, args.auto("where")).map(Responses::count));
      } else if (lower.equals("findone")) {
        reply(ctx, operations.findOne(model, args.auto("filter")));
      } else if (method == HttpMethod.HEAD) {
        operations.exists(model, first).onComplete(result -> {
          if (result.failed()) {
            Responses.error(ctx.request(), result.cause());
          } else {
            // strong-remoting answers HEAD /:id (exists) with its JSON content type and no body
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .setStatusCode(result.result() ? 200 : 404).end();
          }
        });
      } else {
        reply(ctx, operations.findById(model, first, args.auto("filter")));
      }
    } else if (method == HttpMethod.POST) {
      switch (lower) {
        case "replaceorcreate" -> write(ctx, model, WriteOp.REPLACE_OR_CREATE, null, args.body(), null);
        case "update" -> write(ctx, model, WriteOp.UPDATE_ALL, null, args.body(), args.fromQuery("where"));
        case "upsertwithwhere" -> write(ctx, model, WriteOp.UPSERT_WITH_WHERE, null, args.body(), args.fromQuery("where"));
        default -> noMethod(ctx, model, subPath);
      }
    } else if (method == HttpMethod.PUT) {
      write(ctx, model, WriteOp.REPLACE_BY_ID, first, args.body(), null);
    } else if (method == HttpMethod.PATCH) {
      write(ctx, model, WriteOp.PATCH_BY_ID, first, args.body(), null);
    } else if (method == HttpMethod.DELETE) {
      write(ctx, model, WriteOp.DELETE_BY_ID, first, null, null);
    } else {
      noMethod(ctx, model, subPath);
    }
  }

  /**
   * The formats of the REST API: JSON, and XML for {@code _format=xml} or a client that accepts only
   * XML; anything else (e.g. {@code text/html} alone, {@code _format=event-stream}) is a 406.
   */
  private static boolean acceptable(RoutingContext ctx, RequestArgs args) {
    Object format = args.fromQuery("_format");
    if (format != null) {
      if ("xml".equals(format)) {
        ctx.put(Responses.XML, true);
      }
      return "json".equals(format) || "xml".equals(format);
    }
    String accept = ctx.request().getHeader("Accept");
    if (Accepts.accepts(accept, "application/json") || Accepts.accepts(accept, "application/javascript")
        || Accepts.accepts(accept, "text/javascript")) {
      return true;
    }
    if (Accepts.accepts(accept, "application/xml") || Accepts.accepts(accept, "text/xml")) {
      ctx.put(Responses.XML, true);
      return true;
    }
    return false;
  }

  private void write(RoutingContext ctx, ModelDefinition model, WriteOp op, String id, Object data, Object where) {
    reply(ctx, writes.write(new WriteRequest(model, op, id, data, where)));
  }

  private static void reply(RoutingContext ctx, Future<?> result) {
    result.onComplete(done -> {
      if (done.failed()) {
        Responses.error(ctx.request(), done.cause());
      } else if (done.result() == UserMethods.NO_CONTENT) {
        noContent(ctx);
      } else {
        Responses.send(ctx, done.result());
      }
    });
  }

  /** A method that returns nothing: 204 with strong-remoting's JSON content type (and no body). */
  private static void noContent(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").setStatusCode(204).end();
  }

  private static void noMethod(RoutingContext ctx, ModelDefinition model, String subPath) {
    String shown = subPath.isEmpty() ? "/" : subPath;
    throw ApiError.notFound("Shared class \"" + model.name() + "\" has no method handling "
        + ctx.request().method() + " " + shown);
  }

  /** Path segments after the root, percent-decoded, a trailing slash ignored. */
  private static List<String> segments(String rest) {
    List<String> out = new ArrayList<>();
    for (String part : rest.split("/")) {
      if (!part.isEmpty()) {
        out.add(decode(part));
      }
    }
    return out;
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Malformed path segment " + segment);
    }
  }
}
