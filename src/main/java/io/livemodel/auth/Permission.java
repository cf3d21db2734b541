package io.livemodel.auth;

/**
 * An ACL entry's effect, with LoopBack's strength order ({@code AccessContext.permissionOrder}):
 * DEFAULT 0 &lt; ALLOW 1 &lt; ALARM 2 &lt; AUDIT 3 &lt; DENY 4.
 *
 * <p>Only {@link #DENY} refuses a call: LoopBack's {@code isAllowed()} is {@code permission !== DENY},
 * so ALARM and AUDIT allow (LiveModel raises no alarm and writes no audit record for them).
 * {@link #DEFAULT} means "not decided here": it settles to the model's {@code defaultPermission}, or
 * ALLOW.
 */
public enum Permission {
  DEFAULT,
  ALLOW,
  ALARM,
  AUDIT,
  DENY;

  /** The strength used in the matching score and in wildcard resolution. */
  public int order() {
    return ordinal();
  }

  public boolean allows() {
    return this != DENY;
  }

  /**
   * Parses a model-file or ACL-row value. A missing permission is {@link #DEFAULT}: LoopBack keeps
   * the entry but it never decides (it resolves to the model's default).
   *
   * @return the permission, or {@code null} when the text is not a permission
   */
  public static Permission parse(String text) {
    if (text == null) {
      return DEFAULT;
    }
    for (Permission p : values()) {
      if (p.name().equals(text)) {
        return p;
      }
    }
    return null;
  }
}
