package io.livemodel.ops;

import io.livemodel.filter.Filter;
import io.livemodel.filter.Where;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Committed;
import io.livemodel.store.Store;
import io.livemodel.store.WriteTx;
import io.livemodel.store.memory.MemoryStore;
import io.livemodel.store.pg.PgStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link Store} that times every operation of the store it wraps: the histogram
 * {@code livemodel_store_operation_seconds{operation,store,outcome}} (operations {@code find},
 * {@code findById}, {@code count}, {@code write}, {@code changesAfter}, {@code latestSeq};
 * outcome {@code success} or {@code error}). A write is timed from the call to its commit, queueing
 * behind other writes of its model included. Adds nothing else.
 */
public final class TimedStore implements Store {

  /** Bucket bounds from 0.5 ms to 10 s: store calls on a healthy node sit in the first few. */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(1).dividedBy(2), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
      Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final Store store;
  private final String storeType;
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  TimedStore(Store store, String storeType, MeterRegistry registry) {
    this.store = store;
    this.storeType = storeType;
    this.registry = registry;
  }

  /** {@code store} timed on {@code vertx}'s metrics registry, labelled {@code memory}, {@code postgres} (or its class). */
  public static Store wrap(Vertx vertx, Store store) {
    return store instanceof TimedStore ? store : new TimedStore(store, label(store), Metrics.registry(vertx));
  }

  private static String label(Store store) {
    if (store instanceof PgStore) {
      return "postgres";
    }
    return store instanceof MemoryStore ? "memory" : store.getClass().getSimpleName();
  }

  /** The store this one times. */
  public Store unwrap() {
    return store;
  }

  @Override
  public Future<Void> open(Vertx vertx, Collection<ModelDefinition> models) {
    return store.open(vertx, models);
  }

  @Override
  public Future<List<JsonObject>> find(ModelDefinition model, Filter filter) {
    return timed("find", () -> store.find(model, filter));
  }

  @Override
  public Future<JsonObject> findById(ModelDefinition model, Object id) {
    return timed("findById", () -> store.findById(model, id));
  }

  @Override
  public Future<Long> count(ModelDefinition model, Where where) {
    return timed("count", () -> store.count(model, where));
  }

  @Override
  public <T> Future<Committed<T>> write(ModelDefinition model, Function<WriteTx, Future<T>> work) {
    return timed("write", () -> store.write(model, work));
  }

  @Override
  public Future<Page> changesAfter(ModelDefinition model, long afterSeq, int max) {
    return timed("changesAfter", () -> store.changesAfter(model, afterSeq, max));
  }

  @Override
  public Future<Long> latestSeq(ModelDefinition model) {
    return timed("latestSeq", () -> store.latestSeq(model));
  }

  @Override
  public Future<String> identity() {
    return store.identity();
  }

  @Override
  public Future<Void> close() {
    return store.close();
  }

  private <T> Future<T> timed(String operation, Supplier<Future<T>> call) {
    long start = System.nanoTime();
    Future<T> result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      timer(operation, "error").record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      throw e;
    }
    return result.andThen(done -> timer(operation, done.succeeded() ? "success" : "error")
        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
  }

  private Timer timer(String operation, String outcome) {
    return timers.computeIfAbsent(operation + '/' + outcome, k -> Timer.builder("livemodel.store.operation")
        .description("Store operation latency")
        .tag("operation", operation).tag("store", storeType).tag("outcome", outcome)
        .serviceLevelObjectives(BUCKETS)
        .register(registry));
  }
}
