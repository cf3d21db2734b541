package io.livemodel.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * POSTs {@code count} payloads at a fixed rate, round-robin over the targets, on keep-alive
 * connections, at most {@code maxInFlight} unanswered at once. Pacing follows the schedule
 * (write k is due at k / rate seconds), so a late tick catches up; a writer that cannot keep up
 * (the in-flight cap is reached) stops at the end of the scheduled duration, and the achieved rate
 * shows it. All its state lives on one event-loop context.
 */
final class PacedWriter {

  /** What a run of the writer did. {@code acked} holds bit {@code seq - firstSeq} per 2xx answer. */
  record Result(long scheduled, long sent, long ok, long failed, BitSet acked, Histogram postMicros,
                double seconds, List<String> errors) {
    double achievedRate() {
      return seconds <= 0 ? 0 : ok / seconds;
    }
  }

  private final Vertx vertx;
  private final List<String> targets;
  private final String path;
  private final int maxInFlight;
  private final BenchClock clock;
  private final List<HttpClient> clients = new ArrayList<>();

  PacedWriter(Vertx vertx, List<String> targets, String path, int maxInFlight, BenchClock clock) {
    this.vertx = vertx;
    this.targets = targets;
    this.path = path;
    this.maxInFlight = maxInFlight;
    this.clock = clock;
    for (int i = 0; i < targets.size(); i++) {
      clients.add(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
          new PoolOptions().setHttp1MaxSize(maxInFlight).setMaxWaitQueueSize(-1)));
    }
  }

  /** Writes sequences {@code firstSeq .. firstSeq + count - 1} at {@code rate} per second. */
  Future<Result> run(long firstSeq, long count, double rate) {
    Promise<Result> promise = Promise.promise();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> new Run(firstSeq, count, rate, promise).start());
    return promise.future();
  }

  Future<Void> close() {
    return Future.join(clients.stream().map(HttpClient::close).toList()).mapEmpty();
  }

  private final class Run {
    private final long firstSeq;
    private final long count;
    private final double rate;
    private final Promise<Result> promise;
    private final BitSet acked = new BitSet();
    private final Histogram postMicros = new Histogram();
    private final List<String> errors = new ArrayList<>();
    private long startMicros;
    private long lastAnswerMicros;
    private long timer;
    private long sent;
    private long ok;
    private long failed;
    private int inFlight;
    private boolean stopped;

    Run(long firstSeq, long count, double rate, Promise<Result> promise) {
      this.firstSeq = firstSeq;
      this.count = count;
      this.rate = rate;
      this.promise = promise;
    }

    void start() {
      startMicros = clock.micros();
      lastAnswerMicros = startMicros;
      tick();
      if (!stopped) {
        timer = vertx.setPeriodic(1, id -> tick());
      } else {
        finishIfDone();
      }
    }

    private void tick() {
      long elapsed = clock.micros() - startMicros;
      long due = Math.min(count, (long) Math.floor(elapsed * rate / 1e6) + 1);
      while (sent < due && inFlight < maxInFlight) {
        send(firstSeq + sent);
        sent++;
      }
      boolean pastSchedule = elapsed >= (long) (count / rate * 1e6);
      if (sent == count || pastSchedule) {
        stopped = true;
        vertx.cancelTimer(timer);
        finishIfDone();
      }
    }

    private void send(long seq) {
      inFlight++;
      HttpClient client = clients.get((int) (seq % targets.size()));
      String target = targets.get((int) (seq % targets.size()));
      long before = clock.micros();
      Buffer body = Buffer.buffer(Payload.body(seq, before));
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target + path)
          .putHeader("Content-Type", "application/json");
      client.request(options)
          .compose(req -> req.send(body))
          .compose(resp -> resp.body().map(b -> resp.statusCode()))
          .onComplete(ar -> answered(seq, before, ar.succeeded() ? ar.result() : -1,
              ar.failed() ? ar.cause().toString() : null));
    }

    private void answered(long seq, long before, int status, String error) {
      inFlight--;
      long now = clock.micros();
      lastAnswerMicros = Math.max(lastAnswerMicros, now);
      postMicros.record(now - before);
      if (status >= 200 && status < 300) {
        ok++;
        acked.set((int) (seq - firstSeq));
      } else {
        failed++;
        if (errors.size() < 5) {
          errors.add(error != null ? error : "HTTP " + status);
        }
      }
      finishIfDone();
    }

    private void finishIfDone() {
      if (stopped && inFlight == 0 && !promise.future().isComplete()) {
        double seconds = Math.max(count / rate, (lastAnswerMicros - startMicros) / 1e6);
        promise.complete(new Result(count, sent, ok, failed, acked, postMicros, seconds, errors));
      }
    }
  }
}
