package io.livemodel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SequenceGate: one model's changes in sequence order, whichever node published them")
class SequenceGateTest {

  private Vertx vertx;
  private Context context;
  private final List<String> passed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  /** Runs {@code action} with a new gate on the event loop and waits for it. */
  private SequenceGate<String> gate(long gapMillis, Consumer<SequenceGate<String>> action) {
    CompletableFuture<SequenceGate<String>> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      SequenceGate<String> gate = new SequenceGate<>(vertx, gapMillis, passed::add);
      action.accept(gate);
      done.complete(gate);
    });
    return done.join();
  }

  private void onLoop(Runnable action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      action.run();
      done.complete(null);
    });
    done.join();
  }

  @Test
  @DisplayName("changes arriving in order pass at once; the first one sets the baseline")
  void inOrder() {
    SequenceGate<String> gate = gate(60_000, g -> {
      g.accept(7, "c7");
      g.accept(8, "c8");
      g.accept(9, "c9");
    });
    assertThat(passed).containsExactly("c7", "c8", "c9");
    assertThat(gate.expected()).isEqualTo(10);
    assertThat(gate.heldCount()).isZero();
  }

  @Test
  @DisplayName("an early change is held until its predecessor arrives, then both pass in order")
  void reorders() {
    SequenceGate<String> gate = gate(60_000, g -> {
      g.accept(1, "c1");
      g.accept(3, "c3");
      g.accept(4, "c4");
    });
    assertThat(passed).containsExactly("c1");
    assertThat(gate.heldCount()).isEqualTo(2);
    onLoop(() -> gate.accept(2, "c2"));
    assertThat(passed).containsExactly("c1", "c2", "c3", "c4");
    assertThat(gate.heldCount()).isZero();
  }

  @Test
  @DisplayName("a change that never arrives is skipped after the gap timeout; held ones then pass in order")
  void skipsGapAfterTimeout() throws Exception {
    long start = System.nanoTime();
    SequenceGate<String> gate = gate(200, g -> {
      g.accept(1, "c1");
      g.accept(4, "c4");
      g.accept(3, "c3");
    });
    waitUntil(() -> passed.size() == 3);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(200);
    assertThat(passed).containsExactly("c1", "c3", "c4");
    assertThat(gate.expected()).isEqualTo(5);
  }

  @Test
  @DisplayName("a change arriving after its gap was skipped still passes (late rather than lost)")
  void lateChangePasses() throws Exception {
    SequenceGate<String> gate = gate(100, g -> {
      g.accept(1, "c1");
      g.accept(3, "c3");
    });
    waitUntil(() -> passed.size() == 2);
    onLoop(() -> gate.accept(2, "c2"));
    onLoop(() -> gate.accept(4, "c4"));
    assertThat(passed).containsExactly("c1", "c3", "c2", "c4");
  }

  @Test
  @DisplayName("changes without a sequence number pass at once and leave the order alone")
  void unsequenced() {
    gate(60_000, g -> {
      g.accept(5, "c5");
      g.accept(0, "x");
      g.accept(7, "c7");
      g.accept(-1, "y");
      g.accept(6, "c6");
    });
    assertThat(passed).containsExactly("c5", "x", "y", "c6", "c7");
  }

  @Test
  @DisplayName("close drops held changes and cancels the gap timer")
  void closeDropsHeld() throws Exception {
    SequenceGate<String> gate = gate(100, g -> {
      g.accept(1, "c1");
      g.accept(3, "c3");
      g.close();
    });
    assertThat(gate.heldCount()).isZero();
    // The timer would have fired after 100 ms: a later change on the loop proves nothing else passed.
    CompletableFuture<Void> later = new CompletableFuture<>();
    vertx.setTimer(300, id -> later.complete(null));
    later.get(5, TimeUnit.SECONDS);
    assertThat(passed).containsExactly("c1");
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(5);
    }
  }
}
