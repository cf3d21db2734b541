package io.livemodel.store;

import io.livemodel.filter.Where;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The operations available inside {@link Store#write}. Reads see the transaction's own writes.
 * Not thread-safe: used by one write at a time.
 */
public interface WriteTx {

  /** The instance with this id, or null. */
  Future<JsonObject> findById(Object id);

  /** Every instance matching {@code where} (null: all), in id order. */
  Future<List<JsonObject>> find(Where where);

  /**
   * Inserts a new instance. If its id property is absent and the id is generated, the store assigns
   * the next id (numbers from 1 per model, never reused, a failed transaction uses up none... see the
   * implementation's notes). Fails with a 409/422 ApiError if the id exists. Returns the stored instance.
   */
  Future<JsonObject> insert(JsonObject instance);

  /** Replaces the whole instance with this id ({@code instance} contains the id). */
  Future<Void> update(Object id, JsonObject instance);

  /** Deletes; true if it existed. */
  Future<Boolean> delete(Object id);

  /** Records a change of this transaction; it is persisted with the transaction and returned by {@link Committed}. */
  void emit(Change change);
}
