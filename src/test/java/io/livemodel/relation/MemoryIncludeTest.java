package io.livemodel.relation;

import io.livemodel.store.Store;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;
import org.junit.jupiter.api.DisplayName;

@DisplayName("include on the memory store")
class MemoryIncludeTest extends IncludeContractTest {

  @Override
  protected Store createStore() {
    return new MemoryStore(MemoryStoreOptions.inMemory());
  }
}
