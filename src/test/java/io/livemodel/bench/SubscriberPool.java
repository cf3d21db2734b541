package io.livemodel.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds N SSE connections spread round-robin over the targets. Above {@link #PORTS_PER_SOURCE}
 * connections per target, clients bind to further loopback source addresses (127.0.0.2, .3, ...)
 * since one source address has only ~28k ephemeral ports. At most {@code connectConcurrency}
 * connections are being opened at once, so the server's accept backlog does not overflow.
 */
final class SubscriberPool {

  static final int PORTS_PER_SOURCE = 25_000;

  private final Vertx vertx;
  private final List<String> targets;
  private final String path;
  private final int connectConcurrency;
  private final List<BenchSubscriber> subscribers = new ArrayList<>();
  private final List<HttpClient> clients = new ArrayList<>();
  private final int sources;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();

  SubscriberPool(Vertx vertx, List<String> targets, String path, int n, int connectConcurrency,
                 BenchClock clock, ThreadHistograms latencies, long firstMeasuredSeq) {
    this.vertx = vertx;
    this.targets = targets;
    this.path = path;
    this.connectConcurrency = Math.max(1, connectConcurrency);
    int perTarget = (n + targets.size() - 1) / targets.size();
    this.sources = Math.max(1, (perTarget + PORTS_PER_SOURCE - 1) / PORTS_PER_SOURCE);
    for (int i = 0; i < n; i++) {
      subscribers.add(new BenchSubscriber(clock, latencies, firstMeasuredSeq));
    }
    for (int t = 0; t < targets.size(); t++) {
      for (int s = 0; s < sources; s++) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(false).setTcpNoDelay(true);
        if (sources > 1) {
          options.setLocalAddress("127.0.0." + (s + 1));
        }
        clients.add(vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(perTarget + 1)
            .setMaxWaitQueueSize(-1)));
      }
    }
  }

  List<BenchSubscriber> subscribers() {
    return subscribers;
  }

  /** Loopback source addresses in use per target. */
  int sourceAddresses() {
    return sources;
  }

  int failures() {
    return failures.get();
  }

  /** Opens every stream; completes when each one is open (headers received) or has failed. */
  Future<Void> open() {
    Promise<Void> all = Promise.promise();
    if (subscribers.isEmpty()) {
      return Future.succeededFuture();
    }
    for (int i = 0; i < Math.min(connectConcurrency, subscribers.size()); i++) {
      vertx.runOnContext(v -> openNext(all));
    }
    return all.future();
  }

  private void openNext(Promise<Void> all) {
    int i = next.getAndIncrement();
    if (i >= subscribers.size()) {
      return;
    }
    BenchSubscriber subscriber = subscribers.get(i);
    int target = i % targets.size();
    HttpClient client = clients.get(target * sources + (i / targets.size()) % sources);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
        .setAbsoluteURI(targets.get(target) + path).putHeader("Accept", "text/event-stream");
    client.request(options).compose(req -> req.send()).onComplete(ar -> {
      if (ar.failed()) {
        subscriber.failed(ar.cause().toString());
        failures.incrementAndGet();
      } else if (ar.result().statusCode() != 200) {
        subscriber.failed("HTTP " + ar.result().statusCode());
        failures.incrementAndGet();
        ar.result().request().connection().close();
      } else {
        attach(subscriber, ar.result());
      }
      if (done.incrementAndGet() == subscribers.size()) {
        all.complete();
      }
      openNext(all);
    });
  }

  private static void attach(BenchSubscriber subscriber, HttpClientResponse response) {
    subscriber.opened();
    response.handler(subscriber::onChunk);
    response.exceptionHandler(subscriber::ended);
    response.endHandler(v -> subscriber.ended(null));
  }

  /** Streams that opened and then ended (closed by the server or reset). */
  long closedCount() {
    return subscribers.stream().filter(s -> s.isOpen() && s.ended()).count();
  }

  Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (HttpClient client : clients) {
      closing.add(client.close());
    }
    return Future.join(closing).mapEmpty();
  }
}
