package io.livemodel.auth;

/**
 * One principal of a caller, as LoopBack's {@code Principal}: a type ({@code USER}, {@code APP},
 * {@code ROLE}, or a user model's name) and an id compared as a string.
 */
public record PrincipalRef(String type, String id) {

  public PrincipalRef {
    if (type == null || id == null) {
      throw new IllegalArgumentException("a principal has a type and an id");
    }
  }

  /** Whether this principal is a user (any type but APP, ROLE and SCOPE, as LoopBack's getUser). */
  public boolean isUser() {
    return !AclEntry.APP.equals(type) && !AclEntry.ROLE.equals(type) && !"SCOPE".equals(type);
  }

  /** LoopBack's exact principal match of an ACL entry: same type, same {@code String(id)}. */
  boolean matches(AclEntry acl) {
    return type.equals(acl.principalType()) && id.equals(acl.principalId());
  }
}
