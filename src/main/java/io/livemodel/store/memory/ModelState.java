package io.livemodel.store.memory;

import io.livemodel.config.Retention;
import io.livemodel.filter.Fields;
import io.livemodel.filter.Filter;
import io.livemodel.filter.Where;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.Change;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The data of one model: instances by id in {@link IdOrder}, the id counter and the change sequence.
 *
 * <p>Stored instances are never modified once stored; a write stores new objects. Reads hand them out
 * as they are (the Store contract forbids callers to modify them).
 *
 * <p>Thread-safety: reads may run on any thread. A transaction is applied under the write lock and
 * scans hold the read lock, so a scan sees either all of a transaction or none of it; {@link #get}
 * needs no lock. The counters are changed only by the model's current transaction (writes are
 * serialized by {@link #queue()}) and during replay.
 */
final class ModelState {

  private final String name;
  private final String idName;
  private final ConcurrentSkipListMap<Object, JsonObject> instances = new ConcurrentSkipListMap<>(IdOrder.INSTANCE);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final WriteQueue queue = new WriteQueue();
  private volatile long nextId = 1;
  private volatile long seq;

  private final RetainedChanges history;

  ModelState(String name, String idName, Retention retention) {
    this.name = name;
    this.idName = idName;
    this.history = new RetainedChanges(retention);
  }

  /** The retained changes of this model. */
  RetainedChanges history() {
    return history;
  }

  String name() {
    return name;
  }

  String idName() {
    return idName;
  }

  WriteQueue queue() {
    return queue;
  }

  /** The next id this model generates. */
  long nextId() {
    return nextId;
  }

  /** The sequence number of the model's last change; 0 if none. */
  long seq() {
    return seq;
  }

  JsonObject get(Object id) {
    return instances.get(id);
  }

  /** The committed instances in id order; for the model's current transaction, which no other write races. */
  NavigableMap<Object, JsonObject> committed() {
    return instances;
  }

  /** The matching instances, scanned under the read lock, stopped at {@code deadline}. */
  List<JsonObject> find(Filter filter, ScanDeadline deadline) {
    lock.readLock().lock();
    try {
      return find(instances.values(), filter, deadline);
    } finally {
      lock.readLock().unlock();
    }
  }

  long count(Where where, ScanDeadline deadline) {
    if (where == null) {
      return instances.size();
    }
    lock.readLock().lock();
    try {
      return count(instances.values(), where, deadline);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * A consistent copy of the instances (all of a transaction or none), taken under the read lock, for
   * a scan that may run long: it then holds no lock, so writers (and the event loops that apply them)
   * never wait for it.
   */
  List<JsonObject> values() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(instances.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** {@code filter} over {@code values} (in id order). */
  static List<JsonObject> find(Collection<JsonObject> values, Filter filter, ScanDeadline deadline) {
    Filter f = filter == null ? Filter.ALL : filter;
    if (f.order().isEmpty()) {
      return scan(values, f.where(), f.skip(), f.limit(), f.fields(), deadline);
    }
    return f.apply(deadline.watch(values));
  }

  static long count(Collection<JsonObject> values, Where where, ScanDeadline deadline) {
    if (where == null) {
      return values.size();
    }
    long count = 0;
    for (JsonObject instance : values) {
      deadline.tick();
      if (where.test(instance)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The fast path of {@link #find} for the default (id) order, which is the map's own order: what
   * {@link Filter#apply} does for an empty order, but stopping as soon as the limit is reached.
   */
  private static List<JsonObject> scan(Collection<JsonObject> values, Where where, int skip, int limit,
                                       Fields fields, ScanDeadline deadline) {
    List<JsonObject> out = new ArrayList<>();
    int toSkip = skip;
    for (JsonObject instance : values) {
      deadline.tick();
      if (where != null && !where.test(instance)) {
        continue;
      }
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      out.add(fields == null ? instance : fields.project(instance));
      if (limit > 0 && out.size() == limit) {
        break;
      }
    }
    return out;
  }

  /** Applies a committed transaction or a replayed record: puts, then deletes, then the counters. */
  void apply(Map<Object, JsonObject> puts, List<Object> deletes, long newNextId, long newSeq) {
    lock.writeLock().lock();
    try {
      instances.putAll(puts);
      for (Object id : deletes) {
        instances.remove(id);
      }
      nextId = newNextId;
      seq = newSeq;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Replays one journal record.
   *
   * @throws IllegalArgumentException (before changing anything) if an instance has no id
   */
  void replay(TxRecord record) {
    Map<Object, JsonObject> puts = new TreeMap<>(IdOrder.INSTANCE);
    for (JsonObject put : record.puts()) {
      Object id = put.getValue(idName);
      if (id == null) {
        throw new IllegalArgumentException("journal record for " + name + " puts an instance without " + idName);
      }
      puts.put(id, put);
    }
    apply(puts, record.deletes(), record.nextId(), record.seq());
    history.add(record.changes());
  }

  /**
   * A consistent copy of the state for a compaction snapshot (the instances are shared: they are
   * immutable). Consistent with the history as long as the caller excludes commits (the journal's
   * append lock), since a commit adds to the history after applying its writes.
   */
  Snapshot snapshot() {
    lock.readLock().lock();
    try {
      return new Snapshot(name, idName, new ArrayList<>(instances.values()), nextId, seq, history.retained());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The model's state for compaction: instances, counters and the retained change history. */
  record Snapshot(String model, String idName, List<JsonObject> instances, long nextId, long seq,
                  List<Change> changes) {
  }
}
