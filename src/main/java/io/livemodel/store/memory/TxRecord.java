package io.livemodel.store.memory;

import io.livemodel.store.Change;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One journal record: the effect of one committed transaction on one model, or one chunk of a
 * compaction snapshot. Replaying a record is idempotent: puts are full instances, deletes are ids,
 * and the counters are the absolute values after the transaction.
 *
 * @param model the model name
 * @param idName the model's id property at the time of writing (used for models no longer configured)
 * @param puts instances stored (inserted or replaced), complete
 * @param deletes ids removed
 * @param nextId the model's id counter after the transaction: the next id it generates
 * @param seq the model's last change sequence number after the transaction
 * @param changes the changes emitted, with their sequence numbers (in a snapshot: retained history)
 */
record TxRecord(String model, String idName, List<JsonObject> puts, List<Object> deletes, long nextId,
                long seq, List<Change> changes) {

  JsonObject toJson() {
    JsonArray changeArray = new JsonArray();
    for (Change change : changes) {
      JsonObject item = new JsonObject()
          .put("type", change.type())
          .put("target", change.target())
          .put("where", change.where())
          .put("data", change.data())
          .put("seq", change.seq());
      if (change.before() != null) {
        item.put("before", change.before());
      }
      changeArray.add(item);
    }
    return new JsonObject()
        .put("model", model)
        .put("idName", idName)
        .put("puts", new JsonArray(new ArrayList<>(puts)))
        .put("deletes", new JsonArray(new ArrayList<>(deletes)))
        .put("nextId", nextId)
        .put("seq", seq)
        .put("changes", changeArray);
  }

  /**
   * Reads a record written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException if a part is missing or of the wrong type
   */
  static TxRecord fromJson(JsonObject json) {
    try {
      String model = require(json.getString("model"), "model");
      List<JsonObject> puts = new ArrayList<>();
      for (Object put : require(json.getJsonArray("puts"), "puts")) {
        puts.add((JsonObject) require(put, "put"));
      }
      List<Object> deletes = new ArrayList<>(require(json.getJsonArray("deletes"), "deletes").getList());
      List<Change> changes = new ArrayList<>();
      for (Object item : require(json.getJsonArray("changes"), "changes")) {
        JsonObject c = (JsonObject) item;
        changes.add(new Change(model, require(c.getString("type"), "type"), c.getValue("target"),
            c.getJsonObject("where"), c.getJsonObject("data"), require(c.getLong("seq"), "seq"),
            c.getJsonObject("before")));
      }
      return new TxRecord(model, require(json.getString("idName"), "idName"), puts, deletes,
          require(json.getLong("nextId"), "nextId"), require(json.getLong("seq"), "seq"), changes);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("malformed journal record: " + e.getMessage(), e);
    }
  }

  private static <V> V require(V value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("journal record without " + name);
    }
    return value;
  }
}
