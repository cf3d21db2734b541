package io.livemodel.stream;

/**
 * Every event-bus address LiveModel uses, in one place. Change addresses and bridge CRUD addresses
 * are the ones bridge clients see; the CRUD verticle's address never leaves its node.
 */
public final class Addresses {

  /** Prefix of the per-model change addresses: {@code changes.MyModel}. */
  public static final String CHANGES_PREFIX = "changes.";

  /** Prefix of the per-model request-reply CRUD addresses bridge clients may send to: {@code crud.MyModel}. */
  public static final String BRIDGE_CRUD_PREFIX = "crud.";

  /** The node-local address of the CRUD verticle (write requests never leave their node). */
  public static final String CRUD = "livemodel.crud";

  private Addresses() {
  }

  /** The address on which every change of {@code modelName} is published, cluster-wide. */
  public static String changes(String modelName) {
    return CHANGES_PREFIX + modelName;
  }

  /** The bridge-visible CRUD address of a model. */
  public static String bridgeCrud(String modelName) {
    return BRIDGE_CRUD_PREFIX + modelName;
  }
}
