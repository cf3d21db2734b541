package io.livemodel.store.memory;

import io.livemodel.filter.Where;
import io.livemodel.model.ApiError;
import io.livemodel.model.ModelDefinition;
import io.livemodel.model.Values;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.model.PropertyType;
import io.livemodel.store.WriteTx;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A write transaction of the embedded store: puts and deletes are staged in an overlay over the
 * model's committed instances, which its own reads see; nothing is visible to others before commit.
 *
 * <p>Ids: a generated id is the model's counter (numbers from 1; a string for a string id property),
 * skipping ids already taken, and an explicit numeric id at or above the counter moves the counter
 * past it, so ids are never reused. The counter is staged like the data: a transaction that fails
 * uses up no id. (LoopBack's memory connector also moves the counter by one for an explicit id
 * below it; that quirk is not reproduced.)
 *
 * <p>Instances passed in are copied; the staged copies become the stored instances.
 *
 * <p>Not thread-safe: used by one transaction, which the model's {@link WriteQueue} runs alone.
 */
final class MemoryWriteTx implements WriteTx {

  /** Marks a staged delete in the overlay (compared by identity). */
  private static final JsonObject DELETED = new JsonObject();

  private final ModelDefinition model;
  private final ModelState state;
  private final TreeMap<Object, JsonObject> overlay = new TreeMap<>(IdOrder.INSTANCE);
  private final List<Change> changes = new ArrayList<>();
  private long nextId;
  private boolean finished;

  MemoryWriteTx(ModelDefinition model, ModelState state) {
    this.model = model;
    this.state = state;
    this.nextId = state.nextId();
  }

  @Override
  public Future<JsonObject> findById(Object id) {
    return attempt(() -> id == null ? null : current(id));
  }

  @Override
  public Future<List<JsonObject>> find(Where where) {
    return attempt(() -> {
      List<JsonObject> out = new ArrayList<>();
      for (JsonObject instance : new OverlayView(state.committed(), overlay, DELETED)) {
        if (where == null || where.test(instance)) {
          out.add(instance);
        }
      }
      return out;
    });
  }

  @Override
  public Future<JsonObject> insert(JsonObject instance) {
    return attempt(() -> {
      String idName = model.idName();
      Object id = instance.getValue(idName);
      JsonObject stored;
      if (id == null) {
        PropertyDefinition idProperty = model.idProperty();
        if (!idProperty.generated()) {
          throw ApiError.missingId(model.name(), idName);
        }
        id = generateId(idProperty);
        stored = withId(instance, id);
      } else {
        if (current(id) != null) {
          throw ApiError.duplicateId(model.name(), idName);
        }
        bumpCounterPast(id);
        stored = instance.copy();
      }
      overlay.put(id, stored);
      return stored;
    });
  }

  @Override
  public Future<Void> update(Object id, JsonObject instance) {
    return attempt(() -> {
      if (id == null || current(id) == null) {
        throw ApiError.modelNotFound(model.name(), id);
      }
      Object bodyId = instance.getValue(model.idName());
      if (bodyId != null && IdOrder.INSTANCE.compare(bodyId, id) != 0) {
        throw ApiError.badRequest("id cannot be updated from " + id + " to " + bodyId);
      }
      overlay.put(id, bodyId == null ? withId(instance, id) : instance.copy());
      return null;
    });
  }

  @Override
  public Future<Boolean> delete(Object id) {
    return attempt(() -> {
      boolean existed = id != null && current(id) != null;
      if (existed) {
        overlay.put(id, DELETED);
      }
      return existed;
    });
  }

  @Override
  public void emit(Change change) {
    checkOpen();
    changes.add(change);
  }

  /** Ends the transaction: later calls fail. */
  void finish() {
    finished = true;
  }

  /** The emitted changes with the model's next sequence numbers, in emission order. */
  List<Change> sequencedChanges() {
    List<Change> out = new ArrayList<>(changes.size());
    long seq = state.seq();
    for (Change change : changes) {
      out.add(change.withSeq(++seq));
    }
    return out;
  }

  long stagedNextId() {
    return nextId;
  }

  /** Staged puts (ids to instances). */
  Map<Object, JsonObject> puts() {
    Map<Object, JsonObject> puts = new TreeMap<>(IdOrder.INSTANCE);
    overlay.forEach((id, instance) -> {
      if (instance != DELETED) {
        puts.put(id, instance);
      }
    });
    return puts;
  }

  /** Staged deletes of committed instances. */
  List<Object> deletes() {
    List<Object> deletes = new ArrayList<>();
    overlay.forEach((id, instance) -> {
      if (instance == DELETED && state.get(id) != null) {
        deletes.add(id);
      }
    });
    return deletes;
  }

  private <V> Future<V> attempt(Supplier<V> operation) {
    try {
      checkOpen();
      return Future.succeededFuture(operation.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private JsonObject current(Object id) {
    JsonObject staged = overlay.get(id);
    if (staged != null) {
      return staged == DELETED ? null : staged;
    }
    return state.get(id);
  }

  /** The counter's id, skipping ids that explicit inserts already took. */
  private Object generateId(PropertyDefinition idProperty) {
    while (true) {
      Object id = idProperty.type() == PropertyType.STRING ? String.valueOf(nextId) : (Object) nextId;
      nextId++;
      if (current(id) == null) {
        return id;
      }
    }
  }

  private void bumpCounterPast(Object id) {
    if (id instanceof Number number && model.idProperty().generated()) {
      double value = number.doubleValue();
      if (value >= nextId) {
        nextId = (long) Math.floor(value) + 1;
      }
    }
  }

  /** A copy of {@code instance} with the id at its declared position (declared properties first, then the rest). */
  private JsonObject withId(JsonObject instance, Object id) {
    JsonObject out = new JsonObject();
    String idName = model.idName();
    for (String name : model.properties().keySet()) {
      if (name.equals(idName)) {
        out.put(idName, id);
      } else if (instance.containsKey(name)) {
        out.put(name, Values.copy(instance.getValue(name)));
      }
    }
    for (String name : instance.fieldNames()) {
      if (!out.containsKey(name) && !name.equals(idName)) {
        out.put(name, Values.copy(instance.getValue(name)));
      }
    }
    return out;
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the write transaction has ended");
    }
  }
}
