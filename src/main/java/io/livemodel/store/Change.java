package io.livemodel.store;

import io.vertx.core.json.JsonObject;

/**
 * One change of one model, as LoopBack's change streams describe it. Made by write transactions
 * ({@link WriteTx#emit}) and numbered by the store at commit.
 *
 * @param model the model name
 * @param type {@code create}, {@code update} or {@code remove}
 * @param target the id of the changed instance (null if none)
 * @param where the where of the write, or null (LoopBack sets it on remove: {@code {"id":id}})
 * @param data the full instance after the write, or null (remove)
 * @param seq the per-model sequence number assigned by the store in commit order; 0 if not assigned
 */
public record Change(String model, String type, Object target, JsonObject where, JsonObject data, long seq) {

  public static final String CREATE = "create";
  public static final String UPDATE = "update";
  public static final String REMOVE = "remove";

  public Change withSeq(long sequence) {
    return new Change(model, type, target, where, data, sequence);
  }

  /** LoopBack's change object {@code {target, where, data, type}}, absent parts omitted, in that key order. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (target != null) {
      json.put("target", target);
    }
    if (where != null) {
      json.put("where", where);
    }
    if (data != null) {
      json.put("data", data);
    }
    json.put("type", type);
    return json;
  }

  /** The inverse of {@link #toJson()}: a change object of {@code model} with sequence number {@code seq}. */
  public static Change fromJson(String model, JsonObject json, long seq) {
    Object target = json.getValue("target");
    if (target instanceof Integer i) {
      target = i.longValue(); // JSON decoding narrows small numbers; ids are kept as longs
    }
    return new Change(model, json.getString("type"), target, json.getJsonObject("where"),
        json.getJsonObject("data"), seq);
  }
}
