package io.livemodel.stream;

/**
 * Every event-bus address LiveModel uses. Change addresses are the ones bridge clients see too.
 */
public final class Addresses {

  /** Prefix of the per-model change addresses: {@code changes.MyModel}. */
  public static final String CHANGES_PREFIX = "changes.";

  /** The node-local address of the CRUD verticle (write requests never leave their node). */
  public static final String CRUD = "livemodel.crud";

  private Addresses() {
  }

  /** The address on which every change of {@code modelName} is published, cluster-wide. */
  public static String changes(String modelName) {
    return CHANGES_PREFIX + modelName;
  }
}
