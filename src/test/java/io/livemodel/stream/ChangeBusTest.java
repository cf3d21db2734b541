package io.livemodel.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.livemodel.store.Change;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The node's change bus, without HTTP: a real memory store's log and a real (local) event bus. */
@DisplayName("The change bus of a node")
class ChangeBusTest {

  private final ModelDefinition model = ModelLoader.parse(new JsonObject().put("name", "MyModel"), "MyModel.json");
  private Vertx vertx;
  private MemoryStore store;
  private ChangeBus bus;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new MemoryStore(MemoryStoreOptions.inMemory());
    store.open(vertx, List.of(model)).await();
    bus = new ChangeBus(vertx, store, 20);
    bus.start(List.of(model)).await();
  }

  @AfterEach
  void stop() {
    bus.stop().await();
    store.close().await();
    vertx.close().await();
  }

  private List<Change> commit(int n) {
    return store.write(model, tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < n; i++) {
        chain = chain.compose(v -> tx.insert(new JsonObject().put("n", 1))).map(saved -> {
          tx.emit(new Change(model.name(), Change.CREATE, saved.getValue("id"), null, saved, 0));
          return null;
        });
      }
      return chain;
    }).await().changes();
  }

  @Test
  @DisplayName("a node's own change reaches each listener once, in order, though it also comes back from the event bus")
  void ownChangesOnce() throws Exception {
    LinkedBlockingQueue<Long> got = new LinkedBlockingQueue<>();
    Context context = vertx.getOrCreateContext();
    long baseline = bus.listen(model.name(), context, change -> got.add(change.seq()));
    assertThat(baseline).isZero();
    for (Change change : commit(3)) {
      bus.publish(change);
    }
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seqs.add(got.poll(10, TimeUnit.SECONDS));
    }
    assertThat(seqs).containsExactly(1L, 2L, 3L);
    assertThat(got.poll(300, TimeUnit.MILLISECONDS)).as("no second copy from the event bus").isNull();
  }

  @Test
  @DisplayName("the wire form is LoopBack's change object with the seq in a header, as bridge clients receive it")
  void wireForm() throws Exception {
    LinkedBlockingQueue<Change> got = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<String> raw = new LinkedBlockingQueue<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.changes(model.name()), message -> {
      raw.add(message.headers().get(ChangeBus.SEQ_HEADER) + " " + message.body().encode());
      got.add(ChangeBus.decode(model.name(), message));
    }).completion().await();
    Change change = commit(1).get(0);
    bus.publish(change);
    assertThat(raw.poll(10, TimeUnit.SECONDS)).isEqualTo("1 {\"target\":1,\"data\":{\"id\":1,\"n\":1},\"type\":\"create\"}");
    assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo(change);
  }

  @Test
  @DisplayName("a listener registered later receives the changes after the seq it was told, not before")
  void listenLater() throws Exception {
    for (Change change : commit(2)) {
      bus.publish(change);
    }
    LinkedBlockingQueue<Long> got = new LinkedBlockingQueue<>();
    long baseline = bus.listen(model.name(), vertx.getOrCreateContext(), change -> got.add(change.seq()));
    assertThat(baseline).isEqualTo(2);
    bus.publish(commit(1).get(0));
    assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo(3L);
    assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }
}
