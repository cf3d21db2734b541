package io.livemodel.auth;

/**
 * The kind of access a remote method needs, as LoopBack's {@code ACL.accessType}.
 *
 * <p>{@link #ALL} ({@code "*"}) is the wildcard an ACL entry (or a request without a method) uses.
 * {@link #REPLICATE} exists because LoopBack's replication methods ({@code checkpoint}) use it; an
 * ACL entry with {@code WRITE} also grants or denies it.
 */
public enum AccessType {
  READ("READ"),
  REPLICATE("REPLICATE"),
  WRITE("WRITE"),
  EXECUTE("EXECUTE"),
  ALL("*");

  private final String wire;

  AccessType(String wire) {
    this.wire = wire;
  }

  /** The spelling used in model files and ACL rows: {@code READ}, ..., {@code *}. */
  public String wire() {
    return wire;
  }

  /**
   * Parses a model-file or ACL-row value; a missing value ({@code null} or empty) is the wildcard, as
   * LoopBack's {@code acl.accessType || ACL.ALL}.
   *
   * @return the access type, or {@code null} when the text is not one of the five spellings
   */
  public static AccessType parse(String text) {
    if (text == null || text.isEmpty()) {
      return ALL;
    }
    for (AccessType type : values()) {
      if (type.wire.equals(text)) {
        return type;
      }
    }
    return null;
  }
}
