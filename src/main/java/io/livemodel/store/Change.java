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
 * @param before the changed instance's previous values of the properties relation change streams
 *     decide membership by (an update's or remove's, of a model that is the target of a hasMany
 *     relation: its foreign keys and the properties of the relations' {@code scope.where}), or null.
 *     Not part of LoopBack's change object: it travels beside it (the change log, the event bus's
 *     {@code before} header), so a relation stream can tell a record that left it.
 */
public record Change(String model, String type, Object target, JsonObject where, JsonObject data, long seq,
                     JsonObject before) {

  public static final String CREATE = "create";
  public static final String UPDATE = "update";
  public static final String REMOVE = "remove";

  /** A change without previous values. */
  public Change(String model, String type, Object target, JsonObject where, JsonObject data, long seq) {
    this(model, type, target, where, data, seq, null);
  }

  public Change withSeq(long sequence) {
    return new Change(model, type, target, where, data, sequence, before);
  }

  /** This change with {@code previous} as its {@link #before()} values (null: none); itself if they are already. */
  public Change withBefore(JsonObject previous) {
    return previous == before ? this : new Change(model, type, target, where, data, seq, previous);
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

  /** What the change log keeps: {@link #toJson()} and, when there is one, {@code before}. */
  public JsonObject toLogJson() {
    JsonObject json = toJson();
    return before == null ? json : json.put("before", before);
  }

  /** The inverse of {@link #toLogJson()}. */
  public static Change fromLogJson(String model, JsonObject json, long seq) {
    return fromJson(model, json, seq).withBefore(json.getValue("before") instanceof JsonObject b ? b : null);
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
