package io.livemodel.bridge;

import io.livemodel.auth.AccessToken;
import io.livemodel.auth.Principal;
import io.livemodel.crud.access.AccessControl;
import io.livemodel.crud.relations.RelationRoutes;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.relation.RelationDefinition;
import io.livemodel.stream.Addresses;
import io.livemodel.stream.ChangeFilter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Access control on the bridges, decided once per registration as a change stream is
 * ({@code createChangeStream}): the token comes from the register frame's headers
 * ({@code {"access_token": "..."}}); a refusal is {@code access_denied}, where REST would answer 401;
 * READ through {@code $owner} alone gives the registration a filter, applied to each message the
 * socket receives on that address (so the socket gets only the caller's own records).
 *
 * <p>A registration of {@code changes.<Target>} with a {@code relation} header
 * ({@code "Author.1.books"}: parent model, parent id, hasMany relation) is the bridge form of
 * {@code /api/Authors/1/books/change-stream}: decided as that stream is (the parent's
 * {@code __get__books} and the target's {@code createChangeStream}, both must allow), its filter the
 * relation's ({@link ChangeFilter#ofRelation}), narrowed by an optional {@code options} header
 * (object or JSON text, as the REST {@code options}). Thread-safe.
 */
final class BridgeAccess {

  /** The register frame header naming a relation: {@code "<ParentModel>.<id>.<relation>"}. */
  static final String RELATION_HEADER = "relation";
  /** The register frame header with a relation registration's options ({@code where}, {@code fields}). */
  static final String OPTIONS_HEADER = "options";

  /** What a registration may receive: everything ({@link #OPEN}), or what {@link #filter} passes. */
  record Grant(ChangeFilter filter, AccessToken token) {
    static final Grant OPEN = new Grant(null, null);

    /** Whether the socket may receive this change message body. */
    boolean admits(Object body) {
      return deliver(body, null) != null;
    }

    /**
     * The body the socket receives for this change message body (a relation registration turns a
     * member's move away into a remove), or null when it receives nothing.
     *
     * @param before the message's previous relation keys (its {@code before} header), or null
     */
    Object deliver(Object body, JsonObject before) {
      if (filter == null) {
        return body;
      }
      return body instanceof JsonObject change ? filter.apply(change, before) : null;
    }
  }

  /** A registration refused with a specific answer (the future of {@link #register} fails with it). */
  static final class Refused extends RuntimeException {
    final transient Refusal refusal;

    Refused(Refusal refusal) {
      super(refusal.message(), null, false, false);
      this.refusal = refusal;
    }
  }

  private final AccessControl access;
  private final ModelRegistry models;
  private final RelationRoutes relations;

  /**
   * @param access the node's access control, or null for none (every model open: tests)
   * @param relations the relation routes (parents, relation wheres), or null: relation registrations refused
   */
  BridgeAccess(AccessControl access, ModelRegistry models, RelationRoutes relations) {
    this.access = access;
    this.models = models;
    this.relations = relations;
  }

  AccessControl control() {
    return access;
  }

  /** The token id a frame carries in its headers, or null. */
  static String token(JsonObject frame) {
    return frame.getValue("headers") instanceof JsonObject headers && headers.getValue("access_token") instanceof String t
        ? t : null;
  }

  /** The {@code relation} header of a register frame, or null when it has none. */
  static Object relation(JsonObject frame) {
    return frame.getValue("headers") instanceof JsonObject headers ? headers.getValue(RELATION_HEADER) : null;
  }

  /**
   * The grant of a REGISTER of {@code address} (a permitted change address), or null when refused
   * (or a future failed with {@link Refused} naming why).
   */
  Future<Grant> register(String address, JsonObject frame) {
    ModelDefinition model = models.byName(address.substring(Addresses.CHANGES_PREFIX.length()));
    if (relation(frame) != null) {
      try {
        return registerRelation(address, model, frame);
      } catch (Refused refused) {
        return Future.failedFuture(refused);
      }
    }
    if (access == null || model == null || access.isOpen(model)) {
      return Future.succeededFuture(Grant.OPEN);
    }
    return access.principals().resolve(token(frame)).compose(principal -> access.streamAccess(model, principal)
        .map(decided -> {
          if (!decided.allowed()) {
            return null;
          }
          AccessToken token = principal == Principal.ANONYMOUS ? null : principal.token();
          ChangeFilter filter = decided.where() == null ? null
              : ChangeFilter.of(model, new JsonObject().put("where", decided.where()));
          return filter == null && token == null ? Grant.OPEN : new Grant(filter, token);
        }));
  }

  /** A relation registration: the relation resolved, access decided, the parent loaded, the filter made. */
  private Future<Grant> registerRelation(String address, ModelDefinition target, JsonObject frame) {
    if (relations == null) {
      throw invalid(address, "relation registrations are served by the SockJS bridge only (the TCP bridge"
          + " cannot filter what it forwards)");
    }
    String named = relation(frame) instanceof String s ? s : "";
    int first = named.indexOf('.');
    int last = named.lastIndexOf('.');
    if (first <= 0 || last <= first + 1 || last == named.length() - 1) {
      throw invalid(address, "the relation header must name <ParentModel>.<id>.<relation>, e.g. Author.1.books,"
          + " not " + relation(frame));
    }
    ModelDefinition parent = models.byName(named.substring(0, first));
    String id = named.substring(first + 1, last);
    RelationDefinition relation = parent == null ? null : relations.find(parent, named.substring(last + 1));
    if (relation == null || !parent.isPublic() || !parent.attached()) {  // as REST: no route, no stream
      throw invalid(address, "there is no relation " + named.substring(last + 1) + " of a model "
          + named.substring(0, first));
    }
    if (RelationRoutes.whyNoStream(relation) != null) {
      throw invalid(address, RelationRoutes.whyNoStream(relation));
    }
    if (relation.to() != target) {
      throw invalid(address, parent.name() + "." + relation.name() + " relates " + relation.to().name()
          + ": register changes." + relation.to().name());
    }
    JsonObject options = options(address, frame);
    return decide(relation, frame, id).compose(decided -> relations.membership(parent, relation, id)
        .recover(failure -> Future.failedFuture(failure instanceof ApiError error
            ? invalid(address, error.getMessage()) : failure))
        .map(membership -> {
          try {
            return new Grant(ChangeFilter.ofRelation(target, membership, options, decided.ownerWhere()), decided.token());
          } catch (ApiError e) {
            throw new Refused(new Refusal(Refusal.INVALID_OPTIONS, "cannot register " + address + ": "
                + e.getMessage(), address));
          }
        }));
  }

  /** What a relation registration was allowed with: the target's owner where (or null) and the token (or null). */
  private record Decided(JsonObject ownerWhere, AccessToken token) {
  }

  /** The stricter of the parent's {@code __get__<relation>} and the target's {@code createChangeStream}. */
  private Future<Decided> decide(RelationDefinition relation, JsonObject frame, String id) {
    if (access == null || access.isOpen(relation)) {
      return Future.succeededFuture(new Decided(null, null));
    }
    Refused denied = new Refused(denied(Addresses.changes(relation.to().name())));
    return access.principals().resolve(token(frame)).compose(principal -> access.streamAccess(relation, principal, id)
        .map(stream -> new Decided(stream.where(), principal == Principal.ANONYMOUS ? null : principal.token())))
        .recover(failure -> Future.failedFuture(denied));
  }

  /** The register frame's {@code options} header: absent, an object, or JSON text of one. */
  private static JsonObject options(String address, JsonObject frame) {
    Object raw = ((JsonObject) frame.getValue("headers")).getValue(OPTIONS_HEADER);
    if (raw == null || raw instanceof JsonObject) {
      return (JsonObject) raw;
    }
    if (raw instanceof String text) {
      try {
        return text.isBlank() ? null : new JsonObject(text);
      } catch (DecodeException | ClassCastException e) {
        // answered below
      }
    }
    throw new Refused(new Refusal(Refusal.INVALID_OPTIONS, "cannot register " + address
        + ": the options header must be a JSON object (or its text), not " + raw, address));
  }

  private static Refused invalid(String address, String why) {
    return new Refused(new Refusal(Refusal.INVALID_RELATION, "cannot register " + address + ": " + why, address));
  }

  /** The refusal of a registration whose grant came back as {@code done}, or null when it was granted. */
  static Refusal refusal(String address, AsyncResult<Grant> done) {
    if (done.succeeded() && done.result() != null) {
      return null;
    }
    return done.failed() && done.cause() instanceof Refused refused ? refused.refusal : denied(address);
  }

  static Refusal denied(String address) {
    return new Refusal(Refusal.ACCESS_DENIED, "cannot register " + address
        + ": Authorization Required (send a valid access_token in the register frame's headers)", address);
  }
}
