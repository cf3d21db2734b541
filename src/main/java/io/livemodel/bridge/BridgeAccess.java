package io.livemodel.bridge;

import io.livemodel.auth.AccessToken;
import io.livemodel.auth.Principal;
import io.livemodel.crud.access.AccessControl;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelRegistry;
import io.livemodel.stream.Addresses;
import io.livemodel.stream.ChangeFilter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Access control on the bridges, decided once per registration as a change stream is
 * ({@code createChangeStream}): the token comes from the register frame's headers
 * ({@code {"access_token": "..."}}); a refusal is {@code access_denied}, where REST would answer 401;
 * READ through {@code $owner} alone gives the registration a filter, applied to each message the
 * socket receives on that address (so the socket gets only the caller's own records). Thread-safe.
 */
final class BridgeAccess {

  /** What a registration may receive: everything ({@link #OPEN}), or what {@link #filter} passes. */
  record Grant(ChangeFilter filter, AccessToken token) {
    static final Grant OPEN = new Grant(null, null);

    /** Whether the socket may receive this change message body. */
    boolean admits(Object body) {
      return filter == null || body instanceof JsonObject change && filter.apply(change) != null;
    }
  }

  private final AccessControl access;
  private final ModelRegistry models;

  /** @param access the node's access control, or null for none (every model open: tests) */
  BridgeAccess(AccessControl access, ModelRegistry models) {
    this.access = access;
    this.models = models;
  }

  AccessControl control() {
    return access;
  }

  /** The token id a frame carries in its headers, or null. */
  static String token(JsonObject frame) {
    return frame.getValue("headers") instanceof JsonObject headers && headers.getValue("access_token") instanceof String t
        ? t : null;
  }

  /** The grant of a REGISTER of {@code address} (a permitted change address), or null when refused. */
  Future<Grant> register(String address, JsonObject frame) {
    ModelDefinition model = models.byName(address.substring(Addresses.CHANGES_PREFIX.length()));
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

  static Refusal denied(String address) {
    return new Refusal(Refusal.ACCESS_DENIED, "cannot register " + address
        + ": Authorization Required (send a valid access_token in the register frame's headers)", address);
  }
}
