package io.livemodel.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ACLs LoopBack 3.28 gives its built-in models, restated as LiveModel's own definitions. A model
 * based on {@code User} inherits {@link #user}'s entries before its own (LoopBack merges a base
 * model's {@code acls} ahead of the derived model's).
 *
 * <p>{@code User}: everyone is denied everything except {@code create}, {@code login},
 * {@code logout}, {@code confirm}, {@code verify} and {@code resetPassword}; an authenticated caller
 * may {@code changePassword} and {@code setPassword}; the owner (the user itself) may
 * {@code findById}, {@code patchAttributes}, {@code replaceById} and {@code deleteById}.
 * {@code AccessToken}: everyone is denied everything. {@code ACL}, {@code Role} and
 * {@code RoleMapping} have no entries (LoopBack keeps them off the REST API instead).
 */
public final class BuiltinAcls {

  private BuiltinAcls() {
  }

  /** The entries of {@code User}, for a model of that name. */
  public static List<AclEntry> user(String model) {
    return List.of(
        role(model, null, null, Roles.EVERYONE, Permission.DENY),
        role(model, "create", null, Roles.EVERYONE, Permission.ALLOW),
        role(model, "deleteById", null, Roles.OWNER, Permission.ALLOW),
        role(model, "login", null, Roles.EVERYONE, Permission.ALLOW),
        role(model, "logout", null, Roles.EVERYONE, Permission.ALLOW),
        role(model, "findById", null, Roles.OWNER, Permission.ALLOW),
        role(model, "patchAttributes", null, Roles.OWNER, Permission.ALLOW),
        role(model, "replaceById", null, Roles.OWNER, Permission.ALLOW),
        role(model, "verify", AccessType.EXECUTE, Roles.EVERYONE, Permission.ALLOW),
        role(model, "confirm", null, Roles.EVERYONE, Permission.ALLOW),
        role(model, "resetPassword", AccessType.EXECUTE, Roles.EVERYONE, Permission.ALLOW),
        role(model, "changePassword", AccessType.EXECUTE, Roles.AUTHENTICATED, Permission.ALLOW),
        role(model, "setPassword", AccessType.EXECUTE, Roles.AUTHENTICATED, Permission.ALLOW));
  }

  /** The entries of {@code AccessToken}. */
  public static List<AclEntry> accessToken(String model) {
    return List.of(role(model, null, null, Roles.EVERYONE, Permission.DENY));
  }

  /**
   * A User-based model's ACLs: {@code User}'s entries, then the model file's own, with the file's
   * property-level entries and {@code defaultPermission}.
   */
  public static ModelAcls userBased(ModelAcls own) {
    List<AclEntry> merged = new ArrayList<>(user(own.model()));
    merged.addAll(own.entries());
    return new ModelAcls(own.model(), merged, own.propertyEntries(), own.defaultPermission());
  }

  /** The ACLs of the built-in models by name, for models used as they are. */
  public static Map<String, ModelAcls> builtins() {
    return Map.of(
        "User", ModelAcls.of("User", user("User")),
        "AccessToken", ModelAcls.of("AccessToken", accessToken("AccessToken")),
        "ACL", ModelAcls.open("ACL"),
        "Role", ModelAcls.open("Role"),
        "RoleMapping", ModelAcls.open("RoleMapping"));
  }

  private static AclEntry role(String model, String property, AccessType type, String role, Permission p) {
    return AclEntry.of(model, property, type == null ? AccessType.ALL : type, AclEntry.ROLE, role, p);
  }
}
