package io.livemodel.store;

import io.livemodel.filter.Filter;
import io.livemodel.filter.Where;
import io.livemodel.model.ModelDefinition;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Where instances live. Implementations: the embedded in-memory store with a journal (default) and
 * PostgreSQL. The LoopBack semantics of each REST method are built once, above this interface, from
 * its primitives ({@code io.livemodel.crud.ModelOperations}); a store only keeps data and changes.
 *
 * <p>Instances passed in and returned are complete JSON objects including the id property. Returned
 * instances are owned by the caller (copies or immutable snapshots it may not modify: callers copy
 * before changing them).
 *
 * <p>Every store keeps a bounded history of changes ({@link ChangeLog}) for resuming streams.
 *
 * <p>Thread-safety: every method may be called from any event loop.
 */
public interface Store extends ChangeLog {

  /** Opens the store for these models (creates tables, replays the journal, ...). */
  Future<Void> open(Vertx vertx, Collection<ModelDefinition> models);

  /** Instances matching {@code filter} (where, order, skip, limit, fields applied). */
  Future<List<JsonObject>> find(ModelDefinition model, Filter filter);

  /** The instance with this id (already coerced to the id type), or null. */
  Future<JsonObject> findById(ModelDefinition model, Object id);

  /** How many instances match {@code where} (null: all). */
  Future<Long> count(ModelDefinition model, Where where);

  /**
   * Runs {@code work} as one atomic write transaction on {@code model}: writes of one model are
   * serialized (one at a time, in the order their transactions commit), and either everything the
   * work did, changes included, is kept, or (the work's future failed) nothing is.
   * Each {@link Change} emitted gets the model's next sequence number at commit.
   */
  <T> Future<Committed<T>> write(ModelDefinition model, Function<WriteTx, Future<T>> work);

  /**
   * What identifies this store's data: the same for every node that opens the same database (and
   * schema), different for any other. Clustered nodes compare it at start-up.
   */
  Future<String> identity();

  Future<Void> close();
}
