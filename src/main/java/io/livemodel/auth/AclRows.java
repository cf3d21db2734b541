package io.livemodel.auth;

import java.util.List;

/**
 * The rows of the {@code ACL} model, as a snapshot the caller keeps current (the store layer reloads
 * it when an ACL row changes). Read on every decision, so it must be cheap: no I/O.
 */
@FunctionalInterface
public interface AclRows {

  /** No ACL rows. */
  AclRows NONE = model -> List.of();

  /**
   * The rows that can apply to {@code model}: those naming it and those naming {@code *}. An empty
   * list lets the common case (a model without ACLs) be decided without work.
   */
  List<AclEntry> rowsFor(String model);
}
