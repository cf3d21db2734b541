package io.livemodel.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * CRUD mode: C concurrent keep-alive connections, each sending its next request as soon as the
 * previous one is answered, for D seconds per phase: create ({@code POST /api/MyModels}), GET by id
 * and find with where + limit 10 over the seeded Notes ({@code {"where":{"count":{"gte":r}},"limit":10}},
 * r random, so a scan in id order visits r records on average 5,000). Each phase runs unmeasured
 * for the warm-up first, so the server is measured after the JIT compiled its paths. Blocks the caller.
 */
public final class CrudBench {

  /** One request to send to {@code targets[target]}. */
  private record Call(int target, HttpMethod method, String path, Buffer body) {
  }

  private final Vertx vertx;
  private final List<String> targets;
  private final int connections;
  private final double seconds;
  private final double warmupSeconds;
  private final int records;
  private final List<String> serverPids;
  private final String label;
  private final List<HttpClient> clients = new ArrayList<>();

  public CrudBench(Vertx vertx, List<String> targets, int connections, double warmupSeconds, double seconds,
                   int records, List<String> serverPids, String label) {
    this.vertx = vertx;
    this.targets = targets;
    this.connections = connections;
    this.seconds = seconds;
    this.warmupSeconds = warmupSeconds;
    this.records = records;
    this.serverPids = serverPids;
    this.label = label;
    for (int i = 0; i < targets.size(); i++) {
      clients.add(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
          new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1)));
    }
  }

  /** The phases, in the order they run. */
  static final List<String> PHASES = List.of("create", "getById", "findWhereLimit");

  /**
   * Seeds the Notes, then runs {@code phases} (a subset of {@link #PHASES}) in their order.
   *
   * @throws IllegalArgumentException for an unknown phase name
   */
  public JsonObject run(List<String> phases) {
    try {
      List<String> unknown = phases.stream().filter(p -> !PHASES.contains(p)).toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("unknown phase(s) " + unknown + "; phases are " + PHASES);
      }
      List<Long> ids = seed();
      AtomicInteger created = new AtomicInteger();
      Buffer createBody = Buffer.buffer("{\"a\":1,\"b\":\"x\"}");
      Map<String, Supplier<Call>> calls = Map.of(
          "create", () -> new Call(target(created.incrementAndGet()), HttpMethod.POST, "/api/MyModels", createBody),
          "getById", () -> {
            long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            return new Call(target(id), HttpMethod.GET, "/api/Notes/" + id, null);
          },
          "findWhereLimit", () -> {
            int from = ThreadLocalRandom.current().nextInt(Math.max(1, records - 10));
            String filter = "{\"where\":{\"count\":{\"gte\":" + from + "}},\"limit\":10}";
            return new Call(target(from), HttpMethod.GET, "/api/Notes?filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
          });
      JsonObject result = new JsonObject().put("mode", "crud").put("label", label).put("targets", new JsonArray(targets))
          .put("connections", connections).put("warmupSeconds", warmupSeconds).put("seconds", seconds).put("records", ids.size());
      for (String phase : PHASES) {
        if (phases.contains(phase)) {
          result.put(phase, phase(calls.get(phase)));
        }
      }
      return result;
    } finally {
      Future.join(clients.stream().map(HttpClient::close).toList()).await();
    }
  }

  private int target(long i) {
    return (int) (i % targets.size());
  }

  /** Creates {@code records} Notes ({@code title: "n<i>", count: i}) in batches; returns their ids. */
  private List<Long> seed() {
    List<Long> ids = new ArrayList<>();
    for (int from = 0; from < records; from += 500) {
      JsonArray batch = new JsonArray();
      for (int i = from; i < Math.min(records, from + 500); i++) {
        batch.add(new JsonObject().put("title", "n" + i).put("count", i));
      }
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
          .setAbsoluteURI(targets.get(0) + "/api/Notes").putHeader("Content-Type", "application/json");
      Buffer body = clients.get(0).request(options).compose(req -> req.send(batch.toBuffer()))
          .compose(resp -> resp.statusCode() == 200 ? resp.body()
              : resp.body().compose(b -> Future.failedFuture("seeding Notes: HTTP " + resp.statusCode() + " " + b)))
          .await();
      for (Object created : new JsonArray(body)) {
        ids.add(((JsonObject) created).getLong("id"));
      }
    }
    return ids;
  }

  /** Runs {@code calls} unmeasured for the warm-up (the JIT compiles the server's paths), then measured. */
  private JsonObject phase(Supplier<Call> calls) {
    if (warmupSeconds > 0) {
      drive(calls, warmupSeconds, new ThreadHistograms(), new AtomicLong(), new AtomicLong());
    }
    ProcStats server = new ProcStats(serverPids);
    ThreadHistograms latencies = new ThreadHistograms();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ProcStats.Sample before = server.sample();
    long start = System.nanoTime();
    drive(calls, seconds, latencies, ok, failed);
    double elapsed = (System.nanoTime() - start) / 1e9;
    ProcStats.Sample after = server.sample();
    JsonObject json = new JsonObject().put("requests", ok.get()).put("errors", failed.get())
        .put("perSecond", StreamBench.round(ok.get() / elapsed, 1))
        .put("latencyMs", StreamBench.millis(latencies.merged()));
    if (server.readable()) {
      json.put("serverCpuCoresBusy", StreamBench.round(after.cpuSince(before) / elapsed, 3));
      json.put("serverCpuMicrosPerRequest", ok.get() == 0 ? null : StreamBench.round(after.cpuSince(before) * 1e6 / ok.get(), 1));
    }
    return json;
  }

  /** {@code connections} request loops for {@code seconds}. */
  private void drive(Supplier<Call> calls, double seconds, ThreadHistograms latencies, AtomicLong ok, AtomicLong failed) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<Future<Void>> loops = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Promise<Void> done = Promise.promise();
      loops.add(done.future());
      vertx.runOnContext(v -> loop(calls, deadline, latencies, ok, failed, done));
    }
    Future.join(loops).await();
  }

  private void loop(Supplier<Call> calls, long deadline, ThreadHistograms latencies, AtomicLong ok,
                    AtomicLong failed, Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      done.complete();
      return;
    }
    Call call = calls.get();
    long before = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(call.method())
        .setAbsoluteURI(targets.get(call.target()) + call.path());
    if (call.body() != null) {
      options.putHeader("Content-Type", "application/json");
    }
    clients.get(call.target()).request(options)
        .compose(req -> call.body() == null ? req.send() : req.send(call.body()))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(ar -> {
          latencies.record((System.nanoTime() - before) / 1000);
          if (ar.succeeded() && ar.result() == 200) {
            ok.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
          loop(calls, deadline, latencies, ok, failed, done);
        });
  }
}
