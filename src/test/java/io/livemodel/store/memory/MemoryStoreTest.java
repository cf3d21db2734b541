package io.livemodel.store.memory;

import static io.livemodel.store.StoreFixtures.MY_MODEL;
import static io.livemodel.store.StoreFixtures.NOTE;
import static io.livemodel.store.StoreFixtures.await;
import static io.livemodel.store.StoreFixtures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.store.Store;
import io.livemodel.store.StoreContractTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MemoryStore without a journal")
class MemoryStoreTest extends StoreContractTest {

  @Override
  protected Store createStore() {
    return new MemoryStore(MemoryStoreOptions.inMemory());
  }

  @Test
  @DisplayName("a generated id goes after the declared properties and before undeclared ones")
  void generatedIdPosition() {
    JsonObject stored = insert(NOTE, new JsonObject().put("extra", 1).put("count", 2).put("title", "t"));
    assertThat(new ArrayList<>(stored.fieldNames())).containsExactly("title", "count", "id", "extra");
  }

  @Test
  @DisplayName("the store keeps its own copy: changing the inserted object afterwards changes nothing")
  void storesCopies() {
    JsonObject meta = new JsonObject().put("a", 1);
    JsonObject input = new JsonObject().put("id", 1).put("meta", meta).put("tags", new JsonArray().add("x"));
    insert(MY_MODEL, input);
    input.put("id", 2);
    meta.put("a", 99);
    input.getJsonArray("tags").add("y");
    JsonObject stored = await(store.findById(MY_MODEL, 1L));
    assertThat(stored.getJsonObject("meta").getInteger("a")).isEqualTo(1);
    assertThat(stored.getJsonArray("tags")).containsExactly("x");
  }

  @Test
  @DisplayName("number ids are the same id whatever their Java type")
  void numericIdTypes() {
    insert(MY_MODEL, new JsonObject().put("id", 3));
    assertThat(await(store.findById(MY_MODEL, 3L))).isNotNull();
    assertThat(await(store.findById(MY_MODEL, 3.0))).isNotNull();
    assertThat(await(store.findById(MY_MODEL, "3"))).isNull();
  }

  @Test
  @DisplayName("after close, writes fail and nothing survives without a journal")
  void closedStore() {
    insert(MY_MODEL, new JsonObject());
    await(store.close());
    assertThat(awaitFailure(store.write(MY_MODEL, tx -> tx.insert(new JsonObject()))))
        .isInstanceOf(IllegalStateException.class);
    store = new MemoryStore(MemoryStoreOptions.inMemory());
    await(store.open(vertx, io.livemodel.store.StoreFixtures.MODELS));
    assertThat(all(MY_MODEL)).isEmpty();
  }

  @Test
  @DisplayName("the transaction object cannot be used after its work completed")
  void txEndsWithWork() {
    io.livemodel.store.WriteTx[] kept = new io.livemodel.store.WriteTx[1];
    await(store.write(MY_MODEL, tx -> {
      kept[0] = tx;
      return tx.insert(new JsonObject());
    }));
    assertThat(awaitFailure(kept[0].insert(new JsonObject()))).isInstanceOf(IllegalStateException.class);
    assertThat(all(MY_MODEL)).hasSize(1);
  }
}
