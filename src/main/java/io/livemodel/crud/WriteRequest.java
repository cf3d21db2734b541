package io.livemodel.crud;

/**
 * A write as the HTTP layer hands it to the CRUD verticle. Node-local only: travels on the event bus
 * with a local codec, never serialized.
 *
 * @param model the model name
 * @param op the method
 * @param id the raw id from the path (String), or null
 * @param data the raw body value (JsonObject, JsonArray, other JSON value, or null)
 * @param where the raw {@code where} argument (String JSON, JsonObject from bracket syntax), or null
 */
public record WriteRequest(String model, WriteOp op, String id, Object data, Object where) {
}
