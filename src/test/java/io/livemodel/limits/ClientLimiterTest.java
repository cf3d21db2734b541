package io.livemodel.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The per-client limiter grants each client its own share and forgets idle clients")
class ClientLimiterTest {

  @Test
  @DisplayName("a client at its limit gets no permit, another client still does, and a release makes room")
  void perClient() {
    ClientLimiter limiter = new ClientLimiter(() -> 2);
    ClientLimiter.Permit a1 = limiter.tryAcquire("a");
    ClientLimiter.Permit a2 = limiter.tryAcquire("a");
    assertThat(a1).isNotNull();
    assertThat(a2).isNotNull();
    assertThat(limiter.tryAcquire("a")).isNull();
    assertThat(limiter.tryAcquire("b")).isNotNull();
    a1.close();
    a1.close();
    assertThat(limiter.inProgress("a")).isEqualTo(1);
    assertThat(limiter.tryAcquire("a")).isNotNull();
  }

  @Test
  @DisplayName("clients without work in progress take no memory")
  void forgetsIdleClients() {
    ClientLimiter limiter = new ClientLimiter(() -> 1);
    for (int i = 0; i < 1000; i++) {
      limiter.tryAcquire("client" + i).close();
    }
    assertThat(limiter.clients()).isZero();
  }

  @Test
  @DisplayName("under concurrency, no client ever holds more than its limit")
  void concurrent() throws Exception {
    ClientLimiter limiter = new ClientLimiter(() -> 3);
    AtomicInteger max = new AtomicInteger();
    AtomicInteger held = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(8);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 2000; i++) {
          ClientLimiter.Permit permit = limiter.tryAcquire("x");
          if (permit != null) {
            max.accumulateAndGet(held.incrementAndGet(), Math::max);
            held.decrementAndGet();
            permit.close();
          }
        }
        done.countDown();
      });
      threads.add(thread);
      thread.start();
    }
    done.await();
    assertThat(max.get()).isBetween(1, 3);
    assertThat(limiter.clients()).isZero();
  }
}
