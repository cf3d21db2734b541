package io.livemodel.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A client's share of a pool: its surplus waits in its own queue, others pass, nothing is kept")
class ClientShareTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("two run, the third waits and starts on its own context when one ends; past the queue: refused; another client runs at once")
  void queueAndRefuse() throws Exception {
    ClientShare share = new ClientShare(2, 1, 10_000, () -> new IllegalStateException("refused"));
    List<Promise<String>> running = new CopyOnWriteArrayList<>();
    List<Future<String>> results = new ArrayList<>();
    Context context = vertx.getOrCreateContext();
    List<Context> startedOn = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> submitted = new CompletableFuture<>();
    context.runOnContext(v -> {
      for (String client : List.of("a", "a", "a", "a", "b")) {
        results.add(share.run(client, () -> {
          startedOn.add(Vertx.currentContext());
          Promise<String> work = Promise.promise();
          running.add(work);
          return work.future();
        }));
      }
      submitted.complete(null);
    });
    submitted.get(10, TimeUnit.SECONDS);
    assertThat(running).hasSize(3);  // a, a and b
    assertThat(share.running("a")).isEqualTo(2);
    assertThat(results.get(3).failed()).as("a's fourth: the queue of one is full").isTrue();
    assertThat(results.get(3).cause()).hasMessage("refused");
    assertThat(results.get(2).isComplete()).as("a's third waits").isFalse();

    running.get(0).complete("first");
    long deadline = System.currentTimeMillis() + 10_000;
    while (running.size() < 4 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(running).hasSize(4);
    assertThat(startedOn.get(3)).as("the queued work resumed on the context it was submitted from").isSameAs(context);
    running.get(1).complete("x");
    running.get(2).complete("x");
    running.get(3).complete("third");
    assertThat(results.get(2).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("third");
    assertThat(share.clients()).isZero();
  }

  @Test
  @DisplayName("queued work that waits longer than the limit is refused and leaves nothing behind")
  void expires() throws Exception {
    ClientShare share = new ClientShare(1, 5, 100, () -> new IllegalStateException("waited too long"));
    Promise<String> first = Promise.promise();
    CompletableFuture<Future<String>> second = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> {
      share.run("a", first::future);
      second.complete(share.run("a", () -> Future.succeededFuture("never")));
    });
    Future<String> waited = second.get(10, TimeUnit.SECONDS);
    try {
      waited.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).hasMessage("waited too long");
    }
    assertThat(waited.failed()).isTrue();
    first.complete("done");
    long deadline = System.currentTimeMillis() + 10_000;
    while (share.clients() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(share.clients()).isZero();
  }

  @Test
  @DisplayName("work without a client, or with no limit, is not counted")
  void uncounted() {
    ClientShare share = new ClientShare(1, 0, 100, IllegalStateException::new);
    Promise<String> held = Promise.promise();
    share.run(null, held::future);
    share.run(null, held::future);
    assertThat(share.clients()).isZero();
    ClientShare off = new ClientShare(0, 0, 100, IllegalStateException::new);
    assertThat(off.run("a", held::future)).isSameAs(held.future());
    assertThat(off.clients()).isZero();
  }
}
