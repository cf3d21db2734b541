package io.livemodel.auth;

import java.util.List;

/** Short constructors for ACL entries in tests. */
final class Acls {

  private Acls() {
  }

  static AclEntry acl(String model, String property, String accessType, String principalType,
                      String principalId, String permission) {
    return AclEntry.of(model, property, AccessType.parse(accessType), principalType, principalId,
        Permission.parse(permission));
  }

  static AclEntry user(String model, String property, String accessType, String userId, String permission) {
    return acl(model, property, accessType, AclEntry.USER, userId, permission);
  }

  static AclEntry role(String model, String property, String accessType, String role, String permission) {
    return acl(model, property, accessType, AclEntry.ROLE, role, permission);
  }

  static List<PrincipalRef> userPrincipal(String id) {
    return List.of(new PrincipalRef(AclEntry.USER, id));
  }
}
