package io.livemodel.http;

import io.livemodel.auth.Principal;
import io.livemodel.auth.TokenExtractor;
import io.livemodel.crud.access.AccessControl;
import io.livemodel.crud.relations.RelationRoutes;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.relation.RelationDefinition;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET|POST /api/<Plural>/:id/<hasMany>/change-stream} (beyond LoopBack): the change stream of
 * one parent's related rows, e.g. {@code /api/Authors/1/books/change-stream}, with the wire formats,
 * {@code options}, {@code Last-Event-ID} resume and heartbeats of the model's own change stream
 * ({@link ChangeStreamEndpoint}). Its filter is the relation's where (foreign key and
 * {@code scope.where}) narrowed by the client's {@code options.where}; a row that leaves the relation
 * (deleted, or moved to another parent) arrives as a {@code remove} ({@code ChangeFilter.ofRelation}).
 *
 * <p>Decided once per subscription, before any byte, and the stricter of two decisions: the parent's
 * relation read ({@code __get__<relation>}, as LoopBack decides {@code GET /:id/<relation>}, {@code $owner}
 * from the path's id) and the target's {@code createChangeStream} (READ through {@code $owner} alone
 * narrows the stream to the caller's rows). Both must allow. Then the parent is loaded: an unknown id is
 * the relation routes' 404. A relation that is not a hasMany without through is a 404 naming why.
 *
 * <p>One per HTTP verticle; used on its event loop.
 */
final class RelationStreams {

  private final AccessControl access;
  private final RelationRoutes relations;
  private final ChangeStreamEndpoint endpoint;
  private final TokenStreams tokenStreams;

  RelationStreams(AccessControl access, RelationRoutes relations, ChangeStreamEndpoint endpoint,
                  TokenStreams tokenStreams) {
    this.access = access;
    this.relations = relations;
    this.endpoint = endpoint;
    this.tokenStreams = tokenStreams;
  }

  /** The access a subscription was granted: by whom, and the target's owner where (or null). */
  private record Grant(Principal principal, JsonObject ownerWhere) {
  }

  /**
   * Serves the request when {@code r} (the path after the model's plural) is a relation change stream
   * of {@code model}: true if it did (the answer may come later), false if the path is something else.
   *
   * @throws ApiError 404 for the change stream of a relation that is not a hasMany without through
   */
  boolean serve(RoutingContext ctx, RequestArgs args, ModelDefinition model, List<String> r) {
    HttpMethod method = ctx.request().method();
    boolean verb = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.POST;
    if (!verb || r.size() != 3 || !r.get(2).equalsIgnoreCase("change-stream")) {
      return false;
    }
    RelationDefinition relation = relations.find(model, r.get(1));
    if (relation == null) {
      return false;
    }
    String why = RelationRoutes.whyNoStream(relation);
    if (why != null) {
      throw ApiError.notFound("Shared class \"" + model.name() + "\" has no method handling " + method + " /"
          + r.get(0) + "/" + r.get(1) + "/change-stream: " + why);
    }
    String id = r.get(0);
    decide(relation, TokenExtractor.extract(ctx.request()), id)
        .compose(grant -> relations.membership(model, relation, id).map(membership -> {
          endpoint.open(ctx, relation.to(), args, membership, grant.ownerWhere(),
              grant.principal() == null ? null : grant.principal().token(), tokenStreams);
          return null;
        }))
        .onFailure(failure -> Responses.error(ctx.request(), failure));
    return true;
  }

  /** The stricter of the parent's {@code __get__<relation>} and the target's {@code createChangeStream}. */
  private Future<Grant> decide(RelationDefinition relation, String tokenId, String id) {
    if (access.isOpen(relation)) {
      return Future.succeededFuture(new Grant(null, null));
    }
    return access.principals().resolve(tokenId).compose(principal -> access.streamAccess(relation, principal, id)
        .map(stream -> new Grant(principal, stream.where())));
  }
}
