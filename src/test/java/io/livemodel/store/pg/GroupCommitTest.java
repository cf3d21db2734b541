package io.livemodel.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ApiError;
import io.livemodel.store.Committed;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostgreSQL group commit: concurrent writes of a model share transactions")
class GroupCommitTest extends PgStoreTestBase {

  @BeforeEach
  void open() {
    openStore();
  }

  @AfterEach
  void close() {
    closeStore();
  }

  private Future<Committed<JsonObject>> create(JsonObject instance) {
    return store.write(note, tx -> tx.insert(instance).map(saved -> {
      tx.emit(new Change(note.name(), Change.CREATE, saved.getValue("id"), null, saved, 0));
      return saved;
    }));
  }

  @Test
  @DisplayName("200 writes at once: fewer transactions than writes, each change sequenced once, in commit order, all kept")
  void batches() {
    long before = store.writeTransactions();
    List<Future<Committed<JsonObject>>> writes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      writes.add(create(new JsonObject().put("title", "t" + i)));
    }
    Future.all(writes).await();

    assertThat(store.writeTransactions() - before).as("transactions").isLessThan(200);
    List<Long> seqs = writes.stream().map(w -> w.result().changes().get(0).seq()).sorted().toList();
    assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 200).boxed().toList());
    List<Long> ids = writes.stream().map(w -> w.result().value().getLong("id")).distinct().toList();
    assertThat(ids).hasSize(200);
    // Commit order: a write's change follows those of the writes committed before it in its batch.
    assertThat(writes.stream().map(w -> w.result().changes().get(0).seq()).toList()).isSorted();
    assertThat(store.count(note, null).await()).isEqualTo(200);
    assertThat(store.changesAfter(note, 0, 1000).await().changes()).hasSize(200);
  }

  @Test
  @DisplayName("a failing write in a batch fails alone: the others commit, and nothing of the failed one is kept")
  void failureInBatch() {
    create(new JsonObject().put("id", 7).put("title", "first")).await();
    List<Future<Committed<JsonObject>>> writes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      JsonObject instance = i % 20 == 10 ? new JsonObject().put("id", 7).put("title", "duplicate " + i)
          : new JsonObject().put("title", "t" + i);
      writes.add(create(instance));
    }
    Future.join(writes).otherwiseEmpty().await();

    List<Throwable> failures = writes.stream().filter(Future::failed).map(Future::cause).toList();
    assertThat(failures).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(ApiError.class));
    assertThat(writes.stream().filter(Future::succeeded).count()).isEqualTo(57);
    assertThat(store.count(note, null).await()).isEqualTo(58);
    assertThat(store.findById(note, 7L).await().getString("title")).isEqualTo("first");
    List<Long> seqs = store.changesAfter(note, 0, 1000).await().changes().stream().map(Change::seq).toList();
    assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 58).boxed().toList());
  }

  @Test
  @DisplayName("two writes of one batch creating the same id: the first commits, the second fails alone against committed data")
  void conflictInsideBatch() {
    List<Future<Committed<JsonObject>>> writes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      writes.add(create(i == 10 || i == 30 ? new JsonObject().put("id", 99).put("title", "w" + i)
          : new JsonObject().put("title", "t" + i)));
    }
    Future.join(writes).otherwiseEmpty().await();

    assertThat(writes.get(10).succeeded()).as("the first write of id 99").isTrue();
    assertThat(writes.get(30).cause()).isInstanceOf(ApiError.class);
    assertThat(writes.stream().filter(Future::succeeded).count()).isEqualTo(39);
    assertThat(store.findById(note, 99L).await().getString("title")).isEqualTo("w10");
    assertThat(store.count(note, null).await()).isEqualTo(39);
  }
}
