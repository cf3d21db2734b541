package io.livemodel.auth;

/**
 * An {@code acls} entry (model file) or ACL row that cannot be used; the message names the model (or
 * the row) and the field, for a start-up error or warning. It never reaches an HTTP client.
 */
public class AclDefinitionException extends IllegalArgumentException {

  public AclDefinitionException(String message) {
    super(message);
  }
}
