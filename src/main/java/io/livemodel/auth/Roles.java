package io.livemodel.auth;

/**
 * LoopBack's static ("smart") roles. {@code $related} has a score of its own in LoopBack but no
 * resolver: it only holds through a Role/RoleMapping of that name, as any custom role.
 */
public final class Roles {

  public static final String OWNER = "$owner";
  public static final String RELATED = "$related";
  public static final String AUTHENTICATED = "$authenticated";
  public static final String UNAUTHENTICATED = "$unauthenticated";
  public static final String EVERYONE = "$everyone";

  private Roles() {
  }

  /** Whether membership in {@code role} is computed from the caller alone or the instance. */
  public static boolean isStatic(String role) {
    return OWNER.equals(role) || AUTHENTICATED.equals(role) || UNAUTHENTICATED.equals(role)
        || EVERYONE.equals(role);
  }
}
