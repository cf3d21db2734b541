package io.livemodel.bench;

import io.livemodel.testing.SseParser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds N SSE connections spread round-robin over the targets, each a raw TCP connection read by
 * {@link ChunkedReader} (a full HTTP client costs several times more CPU per event, which would
 * count against the server on a shared machine). Above {@link #PORTS_PER_SOURCE}
 * connections per target, clients bind to further loopback source addresses (127.0.0.2, .3, ...)
 * since one source address has only ~28k ephemeral ports. At most {@code connectConcurrency}
 * connections are being opened at once, so the server's accept backlog does not overflow.
 */
final class SubscriberPool {

  static final int PORTS_PER_SOURCE = 25_000;

  private final Vertx vertx;
  private final List<URI> targets;
  private final String path;
  private final int connectConcurrency;
  private final List<BenchSubscriber> subscribers = new ArrayList<>();
  private final List<NetClient> clients = new ArrayList<>();
  private final int sources;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();

  SubscriberPool(Vertx vertx, List<String> targets, String path, int n, int connectConcurrency,
                 BenchClock clock, ThreadHistograms latencies, long firstMeasuredSeq, SseParser.IdParser ids) {
    this.vertx = vertx;
    this.targets = targets.stream().map(URI::create).toList();
    this.path = path;
    this.connectConcurrency = Math.max(1, connectConcurrency);
    int perTarget = (n + targets.size() - 1) / targets.size();
    this.sources = Math.max(1, (perTarget + PORTS_PER_SOURCE - 1) / PORTS_PER_SOURCE);
    for (int i = 0; i < n; i++) {
      subscribers.add(new BenchSubscriber(clock, latencies, firstMeasuredSeq, ids));
    }
    for (int s = 0; s < sources; s++) {
      NetClientOptions options = new NetClientOptions().setTcpNoDelay(true);
      if (sources > 1) {
        options.setLocalAddress("127.0.0." + (s + 1));
      }
      clients.add(vertx.createNetClient(options));
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
    URI target = targets.get(i % targets.size());
    NetClient client = clients.get((i / targets.size()) % sources);
    client.connect(target.getPort(), target.getHost()).compose(socket -> {
      socket.handler(subscriber::onBytes);
      socket.exceptionHandler(subscriber::ended);
      socket.closeHandler(v -> subscriber.ended(null));
      socket.write("GET " + path + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
          + "\r\nAccept: text/event-stream\r\n\r\n");
      return subscriber.head().onSuccess(status -> {
        if (status != 200) {
          socket.close();
        }
      });
    }).onComplete(ar -> {
      if (ar.failed() || ar.result() != 200) {
        subscriber.failed(ar.failed() ? ar.cause().toString() : "HTTP " + ar.result());
        failures.incrementAndGet();
      }
      if (done.incrementAndGet() == subscribers.size()) {
        all.complete();
      }
      openNext(all);
    });
  }

  /** Streams that opened and then ended (closed by the server or reset). */
  long closedCount() {
    return subscribers.stream().filter(s -> s.isOpen() && s.ended()).count();
  }

  Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (NetClient client : clients) {
      closing.add(client.close());
    }
    return Future.join(closing).mapEmpty();
  }
}
