package io.livemodel.auth;

import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RoleMappings} over maps held in memory: roles by id, and mappings {@code (roleId,
 * principalType, principalId)}. Thread-safe; meant for tests and as a cache a store can fill.
 */
public final class InMemoryRoleMappings implements RoleMappings {

  private final Map<String, String> roleNames = new ConcurrentHashMap<>();
  private final Map<PrincipalRef, Set<String>> roleIdsByPrincipal = new ConcurrentHashMap<>();

  /** Declares role {@code name} with id {@code roleId} (a {@code Role} row). */
  public InMemoryRoleMappings role(String roleId, String name) {
    roleNames.put(roleId, name);
    return this;
  }

  /** Maps a principal to a role (a {@code RoleMapping} row); the id is compared as a string. */
  public InMemoryRoleMappings map(String roleId, String principalType, Object principalId) {
    roleIdsByPrincipal.computeIfAbsent(new PrincipalRef(principalType, AclEntry.idText(principalId)),
        k -> ConcurrentHashMap.newKeySet()).add(roleId);
    return this;
  }

  @Override
  public Future<Set<String>> rolesOf(List<PrincipalRef> principals) {
    Set<String> names = new HashSet<>();
    for (PrincipalRef principal : principals) {
      for (String roleId : roleIdsByPrincipal.getOrDefault(principal, Set.of())) {
        String name = roleNames.get(roleId);
        if (name != null) {
          names.add(name);
        }
      }
    }
    return Future.succeededFuture(names);
  }
}
