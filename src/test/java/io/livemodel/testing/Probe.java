package io.livemodel.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A legitimate client during an attack: a GET every 100 ms on its own thread and its own
 * connection, recording how long each answer took. {@link #stop()} returns what it saw; a request
 * that failed or did not answer 200 counts as 10 s (the request timeout), so it fails a p99 bound.
 */
public final class Probe implements AutoCloseable {

  /** What the probe saw: latencies in milliseconds, and how many answers were not 200. */
  public record Result(List<Long> millis, int failures) {
    /** The 99th percentile latency in milliseconds (the largest, below 100 samples). */
    public long p99() {
      List<Long> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      return sorted.isEmpty() ? Long.MAX_VALUE : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
  }

  /** One request; its status. */
  private interface Call {
    int status() throws Exception;
  }

  private final Call call;
  private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean running = true;
  private volatile int failures;

  private Probe(Call call) {
    this.call = call;
    // One unrecorded request first: the client's own warm-up (class loading, first connection) is not the server's latency.
    try {
      call.status();
    } catch (Exception e) {
      // counted by the loop, which tries again
    }
    this.thread = new Thread(this::loop, "probe");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts probing {@code url} (e.g. {@code base + "/api/Notes/1"}). */
  public static Probe start(String url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    return new Probe(() -> client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  /**
   * Starts probing {@code pathAndQuery} on 127.0.0.1:{@code port} from another client address
   * ({@code localAddress}, e.g. 127.0.0.2; {@link RawHttp}, a connection per request).
   */
  public static Probe startFrom(String localAddress, int port, String pathAndQuery) {
    return new Probe(() -> RawHttp.get(localAddress, port, pathAndQuery).status());
  }

  private void loop() {
    while (running) {
      long start = System.nanoTime();
      try {
        if (call.status() != 200) {
          failures++;
          millis.add(10_000L);
        } else {
          millis.add((System.nanoTime() - start) / 1_000_000);
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        failures++;
        millis.add(10_000L);
      }
      long sleep = 100 - (System.nanoTime() - start) / 1_000_000;
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  public Result stop() {
    running = false;
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Result(List.copyOf(millis), failures);
  }

  @Override
  public void close() {
    running = false;
  }
}
