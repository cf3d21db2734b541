package io.livemodel.bridge;

import io.vertx.core.json.JsonObject;

/**
 * Why the bridge refused a client's frame: a fixed snake_case {@code code} (the same codes as
 * vertx-web's bridge where one exists: {@code access_denied}, {@code max_handlers_reached},
 * {@code max_address_length_reached}, {@code address_already_registered}) and a sentence for humans.
 *
 * @param code the stable error code
 * @param message what was refused and why
 * @param address the address the refused frame named, or null
 */
record Refusal(String code, String message, String address) {

  static final String ACCESS_DENIED = "access_denied";
  static final String MAX_HANDLERS_REACHED = "max_handlers_reached";
  static final String MAX_ADDRESS_LENGTH_REACHED = "max_address_length_reached";
  static final String ADDRESS_ALREADY_REGISTERED = "address_already_registered";
  static final String MAX_MESSAGE_SIZE_EXCEEDED = "max_message_size_exceeded";
  static final String REPLY_ADDRESS_REQUIRED = "reply_address_required";
  /** A relation registration's {@code relation} header names no hasMany relation, parent or target of it. */
  static final String INVALID_RELATION = "invalid_relation";
  /** A relation registration's {@code options} header is malformed. */
  static final String INVALID_OPTIONS = "invalid_options";

  /**
   * The error frame sent back on both transports:
   * {@code {"type":"err","address":A,"body":code,"failureType":code,"message":text}}. The
   * {@code body} carries the code as vertx-web's own refusals do; {@code address} and
   * {@code failureType} let {@code @vertx/eventbus-bridge-client.js} hand the error to the handler
   * registered for that address ({@code handler(err)} gets {@code failureType} and {@code message}).
   */
  JsonObject toFrame() {
    JsonObject frame = new JsonObject().put("type", "err");
    if (address != null) {
      frame.put("address", address);
    }
    return frame.put("body", code).put("failureType", code).put("message", message);
  }
}
