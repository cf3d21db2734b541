package io.livemodel.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.ModelLoader;
import io.livemodel.store.Change;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.memory.MemoryStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A node's sequencer puts changes from several writer nodes back in sequence order, filling gaps
 * from the change log. Here the event bus's reordering is played by hand against a real memory store's
 * log; only the log's answer is held back (a gate) so a change can arrive while its gap is filled.
 */
@DisplayName("Changes arriving out of order: gaps filled from the log")
class GapFillTest {

  private final ModelDefinition model = ModelLoader.parse(new JsonObject().put("name", "MyModel"), "MyModel.json");
  private Vertx vertx;
  private MemoryStore store;
  private GatedLog log;
  private Sequencer sequencer;
  private final LinkedBlockingQueue<Long> delivered = new LinkedBlockingQueue<>();

  /** The store's log, whose answers wait for {@link #open} while a gate is set. */
  private final class GatedLog implements ChangeLog {
    volatile Promise<Void> gate;
    volatile CountDownLatch asked = new CountDownLatch(1);

    @Override
    public Future<Page> changesAfter(ModelDefinition m, long afterSeq, int max) {
      Future<Page> page = store.changesAfter(m, afterSeq, max);
      Promise<Void> held = gate;
      asked.countDown();
      return held == null ? page : held.future().compose(v -> page);
    }
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new MemoryStore(MemoryStoreOptions.inMemory());
    store.open(vertx, List.of(model)).await();
    log = new GatedLog();
    sequencer = new Sequencer(model, log, vertx, 20, change -> delivered.add(change.seq()));
    sequencer.start().await();
  }

  @AfterEach
  void stop() {
    store.close().await();
    vertx.close().await();
  }

  private void arrive(Change change) {
    vertx.runOnContext(v -> sequencer.arrive(change));
  }

  /** Writes {@code n} creates in one transaction; returns their changes (seq ascending). */
  private List<Change> write(int n) {
    return store.write(model, tx -> {
      List<Change> changes = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < n; i++) {
        chain = chain.compose(v -> tx.insert(new JsonObject())).map(saved -> {
          Change change = new Change(model.name(), Change.CREATE, saved.getValue("id"), null, saved, 0);
          tx.emit(change);
          return null;
        });
      }
      return chain;
    }).await().changes();
  }

  private List<Long> take(int n) throws InterruptedException {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Long seq = delivered.poll(10, TimeUnit.SECONDS);
      assertThat(seq).as("delivery %d of %d (last one received: %s)", i + 1, n,
          out.isEmpty() ? "none" : out.get(out.size() - 1)).isNotNull();
      out.add(seq);
    }
    return out;
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  @DisplayName("a change that arrives while its gap is read from the log is not waited for again")
  void arrivesDuringFill() throws Exception {
    List<Change> changes = write(5);
    log.gate = Promise.promise();
    log.asked = new CountDownLatch(1);
    arrive(changes.get(4));
    assertThat(log.asked.await(10, TimeUnit.SECONDS)).as("the gap is read from the log").isTrue();
    arrive(changes.get(2));
    vertx.runOnContext(v -> log.gate.complete());
    assertThat(take(5)).isEqualTo(range(1, 5));

    log.gate = null;
    arrive(write(1).get(0));
    assertThat(take(1)).as("the model goes on").containsExactly(6L);
  }

  @Test
  @DisplayName("a gap longer than a page of the log is read page by page, nothing skipped")
  void longGap() throws Exception {
    List<Change> changes = write(Replayer.PAGE + 205);
    arrive(changes.get(changes.size() - 1));
    assertThat(take(changes.size())).isEqualTo(range(1, changes.size()));
    assertThat(delivered.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  @DisplayName("a change ahead of the log (a foreign or forged sequence) is dropped, and the node's own changes go on")
  void impossibleSequence() throws Exception {
    List<Change> changes = write(2);
    arrive(changes.get(0));
    arrive(changes.get(1));
    assertThat(take(2)).isEqualTo(range(1, 2));
    Change forged = new Change(model.name(), Change.CREATE, 999L, null, new JsonObject().put("id", 999), 1_000_001);
    arrive(forged);
    arrive(write(1).get(0));
    assertThat(take(1)).as("the node's own next change, after the forged one was dropped").containsExactly(3L);
    arrive(write(1).get(0));
    assertThat(take(1)).containsExactly(4L);
    assertThat(delivered.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }
}
