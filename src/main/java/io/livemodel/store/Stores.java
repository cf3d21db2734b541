package io.livemodel.store;

import io.livemodel.config.StoreConfig;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;

/** Makes the store a configuration names. */
public final class Stores {

  private Stores() {
  }

  public static Store create(StoreConfig config, ChangeLog.Retention retention) {
    if (StoreConfig.POSTGRES.equals(config.type())) {
      throw new UnsupportedOperationException("the PostgreSQL store lands with its branch");
    }
    return new MemoryStore(config.dataDir() == null
        ? MemoryStoreOptions.inMemory()
        : MemoryStoreOptions.journaled(config.dataDir()), retention);
  }
}
