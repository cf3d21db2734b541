package io.livemodel.crud;

import io.livemodel.model.ModelDefinition;

/**
 * A write as a transport (REST, bridge, embedding code) hands it to the node's CRUD verticle.
 * Node-local only: travels on the event bus with a local codec, never serialized.
 *
 * @param model the model written to
 * @param op the method
 * @param id the raw id from the path (String), or null
 * @param data the raw body value (JsonObject, JsonArray, other JSON value, or null)
 * @param where the raw {@code where} argument (String JSON, JsonObject from bracket syntax), or null
 */
public record WriteRequest(ModelDefinition model, WriteOp op, String id, Object data, Object where) {
}
