package io.livemodel.auth;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place an access decision is made: once per REST or bridge call, once per subscription
 * ({@code createChangeStream}). Thread-safe; holds no per-call state.
 *
 * <p>The decision is LoopBack's {@code ACL.checkAccessForContext} for the method (see
 * {@link AclResolver}), with the model's static ACLs, the ACL rows of the store and the caller's
 * roles. A model without ACLs, without rows and without {@code defaultPermission: DENY} is decided
 * at once, with no allocation. Custom roles are looked up (one {@link RoleMappings} call) only when
 * an applicable entry names one.
 *
 * <p>Like LoopBack, a token whose {@code scopes} do not include {@code DEFAULT} is denied every
 * built-in method (they all require the DEFAULT scope).
 */
public final class Authorizer {

  private static final Future<Decision> ALLOWED = Future.succeededFuture(Decision.ALLOW);
  private static final Future<Decision> DENIED = Future.succeededFuture(Decision.DENY);
  private static final String DEFAULT_SCOPE = AccessToken.DEFAULT_SCOPES.get(0);

  private final RoleMappings roleMappings;
  private final AclRows aclRows;

  public Authorizer(RoleMappings roleMappings, AclRows aclRows) {
    this.roleMappings = roleMappings;
    this.aclRows = aclRows;
  }

  /** Decides a call of the built-in or relation method {@code methodName} (see {@link RemoteMethod#named}). */
  public Future<Decision> decide(Principal principal, ModelAcls acls, String methodName) {
    return decide(principal, acls, RemoteMethod.named(methodName));
  }

  /** Decides a call of {@code method} on the model {@code acls} belongs to. */
  public Future<Decision> decide(Principal principal, ModelAcls acls, RemoteMethod method) {
    if (!scopeAllowed(principal)) {
      return DENIED;
    }
    List<AclEntry> rows = aclRows.rowsFor(acls.model());
    if (acls.isOpen() && rows.isEmpty()) {
      return ALLOWED;
    }
    AccessRequest request = AccessRequest.forMethod(acls.model(), method);
    List<AclEntry> candidates = AclResolver.candidates(acls, rows, request);
    if (principal.isAuthenticated() && namesCustomRole(candidates)) {
      return roleMappings.rolesOf(principal.refs())
          .map(roles -> evaluate(principal, acls, candidates, request, roles));
    }
    return Future.succeededFuture(evaluate(principal, acls, candidates, request, Set.of()));
  }

  private static Decision evaluate(Principal principal, ModelAcls acls, List<AclEntry> candidates,
                                   AccessRequest request, Set<String> customRoles) {
    List<PrincipalRef> refs = principal.refs();
    Permission notOwner = AclResolver.checkCandidates(acls, candidates, request, refs,
        inRole(principal, customRoles, false));
    if (!principal.isAuthenticated() || !namesOwner(candidates)) {
      return Decision.of(notOwner);
    }
    Permission owner = AclResolver.checkCandidates(acls, candidates, request, refs,
        inRole(principal, customRoles, true));
    return owner == notOwner ? Decision.of(owner) : new Decision(owner, notOwner);
  }

  // LoopBack's role resolvers: $everyone always; $authenticated / $unauthenticated by the user id;
  // $owner as assumed by the caller of this method; anything else through RoleMapping rows.
  private static Predicate<String> inRole(Principal principal, Set<String> customRoles, boolean owner) {
    return role -> switch (role) {
      case Roles.EVERYONE -> true;
      case Roles.AUTHENTICATED -> principal.isAuthenticated();
      case Roles.UNAUTHENTICATED -> !principal.isAuthenticated();
      case Roles.OWNER -> owner;
      default -> customRoles.contains(role);
    };
  }

  private static boolean namesCustomRole(List<AclEntry> candidates) {
    for (AclEntry entry : candidates) {
      if (AclEntry.ROLE.equals(entry.principalType()) && !Roles.isStatic(entry.principalId())) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesOwner(List<AclEntry> candidates) {
    for (AclEntry entry : candidates) {
      if (AclEntry.ROLE.equals(entry.principalType()) && Roles.OWNER.equals(entry.principalId())) {
        return true;
      }
    }
    return false;
  }

  private static boolean scopeAllowed(Principal principal) {
    AccessToken token = principal.token();
    return token == null || token.scopes() == null || token.scopes().contains(DEFAULT_SCOPE);
  }
}
