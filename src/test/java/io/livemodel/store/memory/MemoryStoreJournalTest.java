package io.livemodel.store.memory;

import io.livemodel.config.Retention;
import static io.livemodel.store.StoreFixtures.MODELS;
import static io.livemodel.store.StoreFixtures.MY_MODEL;
import static io.livemodel.store.StoreFixtures.NOTE;
import static io.livemodel.store.StoreFixtures.await;
import static io.livemodel.store.StoreFixtures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.filter.Filter;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.Committed;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("MemoryStore with a journal")
class MemoryStoreJournalTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private MemoryStore store;
  private MemoryStoreOptions options;
  private Retention retention = Retention.DEFAULT;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    options = MemoryStoreOptions.journaled(dir);
  }

  @AfterEach
  void tearDown() {
    try {
      if (store != null) {
        await(store.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  private MemoryStore open() {
    store = new MemoryStore(options, retention);
    await(store.open(vertx, MODELS));
    return store;
  }

  private MemoryStore restart() {
    await(store.close());
    return open();
  }

  private Path journal() {
    return dir.resolve(Journal.FILE_NAME);
  }

  /** Inserts and emits a create change, as the CRUD layer does. */
  private Committed<JsonObject> create(ModelDefinition model, JsonObject instance) {
    return await(store.write(model, tx -> tx.insert(instance).map(created -> {
      tx.emit(new Change(model.name(), Change.CREATE, created.getValue("id"), null, created, 0));
      return created;
    })));
  }

  private Committed<Void> replace(long id, String title) {
    return await(store.write(NOTE, tx -> {
      JsonObject instance = new JsonObject().put("title", title).put("id", id);
      return tx.update(id, instance).map(v -> {
        tx.emit(new Change("Note", Change.UPDATE, id, null, instance, 0));
        return null;
      });
    }));
  }

  private List<String> titles() {
    return await(store.find(NOTE, Filter.ALL)).stream().map(n -> n.getString("title")).collect(Collectors.toList());
  }

  private static long id(JsonObject instance) {
    return ((Number) instance.getValue("id")).longValue();
  }

  private static long seq(Committed<?> committed) {
    return committed.changes().get(0).seq();
  }

  @Test
  @DisplayName("a restart keeps the data, the id counters (no reuse after delete) and the sequences")
  void restartKeepsEverything() {
    open();
    create(NOTE, new JsonObject().put("title", "a"));
    create(NOTE, new JsonObject().put("title", "b"));
    create(NOTE, new JsonObject().put("title", "c"));
    replace(1, "a2");
    await(store.write(NOTE, tx -> tx.delete(3L)));
    create(MY_MODEL, new JsonObject().put("id", 41));

    restart();
    assertThat(titles()).containsExactly("a2", "b");
    Committed<JsonObject> next = create(NOTE, new JsonObject().put("title", "d"));
    assertThat(id(next.value())).isEqualTo(4);
    assertThat(seq(next)).isEqualTo(5);
    assertThat(id(create(MY_MODEL, new JsonObject()).value())).isEqualTo(42);

    restart();
    assertThat(titles()).containsExactly("a2", "b", "d");
  }

  @Test
  @DisplayName("a write's record is in the journal file when its future completes; a failed write adds none")
  void commitMeansWritten() throws IOException {
    open();
    create(NOTE, new JsonObject().put("title", "a"));
    List<String> lines = Files.readAllLines(journal());
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).matches("[0-9a-f]{8} \\{.*\\}").contains("\"title\":\"a\"");

    awaitFailure(store.write(NOTE, tx -> tx.insert(new JsonObject().put("title", "x"))
        .compose(v -> Future.failedFuture(ApiError.badRequest("no")))));
    await(store.write(NOTE, tx -> tx.find(null)));
    assertThat(Files.readAllLines(journal())).hasSize(1);
  }

  @Test
  @DisplayName("the journal directory is created if it is missing")
  void createsDirectory() {
    options = MemoryStoreOptions.journaled(dir.resolve("a/b"));
    open();
    create(MY_MODEL, new JsonObject());
    assertThat(dir.resolve("a/b").resolve(Journal.FILE_NAME)).exists();
  }

  static Stream<Arguments> damages() {
    return Stream.of(
        Arguments.of("the last record cut in the middle", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 7)),
        Arguments.of("the last record without its line end", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 1)),
        Arguments.of("garbage appended", (UnaryOperator<byte[]>) b -> concat(b, "\u0000\u0017garbage{".getBytes(StandardCharsets.UTF_8))),
        Arguments.of("a garbage line appended", (UnaryOperator<byte[]>) b -> concat(b, "zzzzzzzz {\"model\":1}\n".getBytes(StandardCharsets.UTF_8))),
        Arguments.of("a bad checksum on the last record", (UnaryOperator<byte[]>) b -> {
          byte[] damaged = b.clone();
          String text = new String(damaged, StandardCharsets.UTF_8);
          int at = text.lastIndexOf("\"title\":\"c\"") + "\"title\":\"".length();
          damaged[at] = 'z';
          return damaged;
        }),
        Arguments.of("a record with valid checksum but invalid JSON",
            (UnaryOperator<byte[]>) b -> concat(b, frameOf("{\"model\":"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  @DisplayName("a damaged end of the journal is ignored with a WARNING, cut off, and the store opens")
  void damagedTail(String damage, UnaryOperator<byte[]> damageFunction) throws IOException {
    open();
    create(NOTE, new JsonObject().put("title", "a"));
    create(NOTE, new JsonObject().put("title", "b"));
    long goodLength = Files.size(journal());
    create(NOTE, new JsonObject().put("title", "c"));
    await(store.close());
    byte[] full = Files.readAllBytes(journal());
    byte[] damaged = damageFunction.apply(full);
    Files.write(journal(), damaged);
    boolean lastRecordSurvives = damaged.length > full.length;

    List<LogRecord> warnings = captureWarnings(this::open);

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getLevel()).isEqualTo(Level.WARNING);
    assertThat(titles()).containsExactlyElementsOf(lastRecordSurvives ? List.of("a", "b", "c") : List.of("a", "b"));
    assertThat(Files.size(journal())).isEqualTo(lastRecordSurvives ? full.length : goodLength);

    create(NOTE, new JsonObject().put("title", "d"));
    restart();
    assertThat(titles()).containsExactlyElementsOf(lastRecordSurvives ? List.of("a", "b", "c", "d") : List.of("a", "b", "d"));
  }

  @Test
  @DisplayName("writes from many contexts at once are all journaled (group commit) and survive a restart")
  void groupCommit() {
    open();
    int writes = 300;
    List<Future<Committed<JsonObject>>> futures = new ArrayList<>();
    for (int i = 0; i < writes; i++) {
      int n = i;
      futures.add(vertx.<Future<Committed<JsonObject>>>executeBlocking(() -> store.write(NOTE, tx ->
          tx.insert(new JsonObject().put("title", "t" + n)))).compose(f -> f));
    }
    futures.forEach(f -> await(f));
    restart();
    assertThat(await(store.count(NOTE, null))).isEqualTo(writes);
    assertThat(id(create(NOTE, new JsonObject().put("title", "next")).value())).isEqualTo(writes + 1);
  }

  @Test
  @DisplayName("with fsync on, commits are forced and survive a restart")
  void fsync() {
    options = options.withFsync(true);
    open();
    create(NOTE, new JsonObject().put("title", "a"));
    restart();
    assertThat(titles()).containsExactly("a");
  }

  @Test
  @DisplayName("a journal over the threshold and twice the live data is compacted, keeping data, ids, sequences and retained changes")
  void compaction() throws IOException {
    options = options.withCompactionThreshold(8 * 1024);
    retention = new Retention(10, 0);
    open();
    create(NOTE, new JsonObject().put("title", "first"));
    create(NOTE, new JsonObject().put("title", "gone"));
    await(store.write(NOTE, tx -> tx.delete(2L)));
    long written = 0;
    Committed<Void> last = null;
    for (int i = 0; i < 400; i++) {
      last = replace(1, "version " + i + " " + "x".repeat(40));
      written += 100;
    }
    for (int i = 0; i < 200; i++) {
      JsonObject quiet = new JsonObject().put("title", "version 399 " + "x".repeat(40)).put("id", 1).put("quiet", i);
      await(store.write(NOTE, tx -> tx.update(1L, quiet)));
      written += 100;
    }
    long size = Files.size(journal());
    assertThat(written).isGreaterThan(4 * 8 * 1024);
    assertThat(size).isLessThan(2 * 8 * 1024);
    assertThat(seq(last)).isEqualTo(402);
    assertThat(dir.resolve(Journal.FILE_NAME + ".compact")).doesNotExist();

    restart();
    assertThat(titles()).containsExactly("version 399 " + "x".repeat(40));
    assertThat(await(store.findById(NOTE, 1L)).getInteger("quiet")).isEqualTo(199);
    ChangeLog.Page history = await(store.changesAfter(NOTE, 0, 100));
    assertThat(history.changes()).extracting(Change::seq).containsExactlyElementsOf(
        LongStream.rangeClosed(393, 402).boxed().collect(Collectors.toList()));
    assertThat(history.oldestSeq()).isEqualTo(393);
    assertThat(history.latestSeq()).isEqualTo(402);
    assertThat(history.changes().get(9).data().getString("title")).isEqualTo("version 399 " + "x".repeat(40));
    assertThat(history.changes().get(9).type()).isEqualTo(Change.UPDATE);
    Committed<JsonObject> next = create(NOTE, new JsonObject().put("title", "new"));
    assertThat(id(next.value())).isEqualTo(3);
    assertThat(seq(next)).isEqualTo(403);
  }

  @Test
  @DisplayName("data of a model that is not configured any more is kept, through compaction too")
  void unconfiguredModelKept() throws InterruptedException {
    options = options.withCompactionThreshold(4 * 1024);
    open();
    create(NOTE, new JsonObject().put("title", "kept"));
    await(store.close());
    store = new MemoryStore(options);
    await(store.open(vertx, List.of(MY_MODEL)));
    create(MY_MODEL, new JsonObject().put("id", 1));
    for (int i = 0; i < 100; i++) {
      int n = i;
      await(store.write(MY_MODEL, tx -> tx.update(1L, new JsonObject().put("id", 1).put("n", n).put("pad", "p".repeat(60)))));
    }
    // Compaction runs on the journal's writer thread after the write that crossed the threshold has
    // been answered: under load it can still be under way here.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (journal().toFile().length() >= 4 * 1024 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(journal().toFile().length()).isLessThan(4 * 1024);
    restart();
    assertThat(titles()).containsExactly("kept");
    assertThat(await(store.findById(MY_MODEL, 1L)).getInteger("n")).isEqualTo(99);
    assertThat(id(create(NOTE, new JsonObject().put("title", "next")).value())).isEqualTo(2);
  }

  @Test
  @DisplayName("a journal over the threshold but mostly live data is not compacted")
  void noCompactionOfLiveData() throws IOException {
    options = options.withCompactionThreshold(4 * 1024);
    open();
    for (int i = 0; i < 100; i++) {
      JsonObject note = new JsonObject().put("title", "note " + i + " " + "y".repeat(400));
      await(store.write(NOTE, tx -> tx.insert(note)));
    }
    assertThat(Files.readAllLines(journal())).hasSize(100);
  }

  private List<LogRecord> captureWarnings(Runnable action) {
    Logger logger = Logger.getLogger(JournalReader.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          records.add(record);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
    return records;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] frameOf(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes);
    return (String.format("%08x ", crc.getValue()) + json + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
