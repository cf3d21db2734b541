package io.livemodel.store;

import io.livemodel.config.StoreConfig;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;
import io.livemodel.store.pg.PgStore;
import io.livemodel.store.pg.PgStoreOptions;
import java.time.Duration;

/** Makes the store a configuration names. */
public final class Stores {

  private Stores() {
  }

  public static Store create(StoreConfig config, ChangeLog.Retention retention) {
    if (StoreConfig.POSTGRES.equals(config.type())) {
      return new PgStore(new PgStoreOptions(config.postgresUrl(), config.poolSize(),
          Duration.ofMillis(config.statementTimeoutMs()), config.postgresSchema()), retention);
    }
    return new MemoryStore(config.dataDir() == null
        ? MemoryStoreOptions.inMemory()
        : MemoryStoreOptions.journaled(config.dataDir()), retention);
  }
}
