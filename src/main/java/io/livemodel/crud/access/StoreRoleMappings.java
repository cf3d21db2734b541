package io.livemodel.crud.access;

import io.livemodel.auth.PrincipalRef;
import io.livemodel.auth.RoleMappings;
import io.livemodel.filter.Filter;
import io.livemodel.filter.FilterParser;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Custom roles from the store's {@code Role} and {@code RoleMapping} rows, read when a decision needs
 * them (the {@link io.livemodel.auth.Authorizer} asks only when an applicable entry names a custom
 * role). Role ids are compared as strings ({@code roleId: 1} matches a Role whose id is {@code "1"}).
 */
final class StoreRoleMappings implements RoleMappings {

  private final Store store;
  private final ModelDefinition roles;
  private final ModelDefinition mappings;

  StoreRoleMappings(Store store, ModelDefinition roles, ModelDefinition mappings) {
    this.store = store;
    this.roles = roles;
    this.mappings = mappings;
  }

  @Override
  public Future<Set<String>> rolesOf(List<PrincipalRef> principals) {
    if (principals.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    JsonArray ids = new JsonArray();
    principals.forEach(p -> ids.add(p.id()));
    Filter byPrincipal = new Filter(FilterParser.parseServerWhere(
        new JsonObject().put("principalId", new JsonObject().put("inq", ids)), mappings), List.of(), 0, 0, null, null);
    return store.find(mappings, byPrincipal).compose(rows -> {
      Set<String> roleIds = new HashSet<>();
      for (JsonObject row : rows) {
        for (PrincipalRef principal : principals) {
          if (principal.type().equals(row.getString("principalType"))
              && principal.id().equals(String.valueOf(row.getValue("principalId")))) {
            roleIds.add(String.valueOf(row.getValue("roleId")));
          }
        }
      }
      if (roleIds.isEmpty()) {
        return Future.succeededFuture(Set.<String>of());
      }
      return store.find(roles, Filter.ALL).map(all -> {
        Set<String> names = new HashSet<>();
        for (JsonObject role : all) {
          if (roleIds.contains(String.valueOf(role.getValue(roles.idName())))) {
            names.add(role.getString("name"));
          }
        }
        return names;
      });
    });
  }
}
