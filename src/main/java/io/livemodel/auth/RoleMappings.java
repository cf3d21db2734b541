package io.livemodel.auth;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/**
 * Custom role membership, as LoopBack's {@code Role.isInRole} finds it through {@code Role} and
 * {@code RoleMapping} rows: a principal is in role R when a mapping {@code (roleId of R, principal
 * type, String(principal id))} exists. Mappings are direct: a role mapped to another role does not
 * make that role's members members (LoopBack does not follow such chains either).
 *
 * <p>Implementations: {@link InMemoryRoleMappings}; a store-backed one comes with the built-in models.
 */
public interface RoleMappings {

  /** No custom roles at all. */
  RoleMappings NONE = principals -> Future.succeededFuture(Set.of());

  /**
   * The names of the custom roles any of {@code principals} is mapped to. Called at most once per
   * decision, and only when an ACL entry names a custom role.
   */
  Future<Set<String>> rolesOf(List<PrincipalRef> principals);
}
