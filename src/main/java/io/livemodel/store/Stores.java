package io.livemodel.store;

import io.livemodel.config.StoreConfig;

/** Makes the store a configuration names. */
public final class Stores {

  private Stores() {
  }

  public static Store create(StoreConfig config) {
    throw new UnsupportedOperationException("stores land with the memory and PostgreSQL branches");
  }
}
