package io.livemodel.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Hostile clients for attack tests: {@code n} threads, each sending requests back to back for a
 * while (each its own connection), counting the statuses they get (0: no answer within 30 s).
 */
public final class Attackers {

  private Attackers() {
  }

  /**
   * Runs {@code threads} loops for {@code duration}, each sending what {@code request} makes for its
   * i-th request; returns how many answers of each status arrived.
   */
  public static Map<Integer, Integer> run(int threads, Duration duration, IntFunction<HttpRequest> request) {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger counter = new AtomicInteger();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        while (System.nanoTime() < end) {
          int status;
          try {
            status = client.send(request.apply(counter.getAndIncrement()), HttpResponse.BodyHandlers.discarding())
                .statusCode();
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            status = 0;
          }
          statuses.merge(status, 1, Integer::sum);
        }
      }, "attacker-" + t);
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      try {
        thread.join(duration.toMillis() + 60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return statuses;
  }

  /** A GET of {@code base + pathAndQuery}, timing out after 30 s. */
  public static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
  }
}
