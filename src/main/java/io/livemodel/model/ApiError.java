package io.livemodel.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An error that is answered to the client in LoopBack's envelope
 * {@code {"error":{"statusCode","name","message",["code"],["details"]}}}.
 *
 * <p>Every layer (filter parsing, coercion, store, HTTP) throws or fails futures with this type; the
 * HTTP failure handler renders it. Anything else is rendered as LoopBack renders an unexpected error:
 * 500 with no {@code name} and the message {@code Internal Server Error}.
 */
public class ApiError extends RuntimeException {

  private final int statusCode;
  private final String name;
  private final String code;
  private final Object details;
  private int retryAfterSeconds;

  public ApiError(int statusCode, String name, String message, String code, Object details) {
    super(message, null, false, false);
    this.statusCode = statusCode;
    this.name = name;
    this.code = code;
    this.details = details;
  }

  /** 400 {@code Error} with the given message. */
  public static ApiError badRequest(String message) {
    return new ApiError(400, "Error", message, null, null);
  }

  /** 404 for an unknown instance, with {@code code: MODEL_NOT_FOUND} as LoopBack's own client expects. */
  public static ApiError modelNotFound(String modelName, Object id) {
    return new ApiError(404, "Error", "Unknown \"" + modelName + "\" id \"" + id + "\".", "MODEL_NOT_FOUND", null);
  }

  /** 404 without a code (replace and upsert of an unknown id). */
  public static ApiError notFound(String message) {
    return new ApiError(404, "Error", message, null, null);
  }

  /**
   * 422 {@code ValidationError}; {@code details} is {@code {context, codes, messages}}. The message is
   * juggler's: {@code The `Note` instance is not valid. Details: `title` can't be blank (value: undefined).},
   * one {@code `property` message (value: v)} per message, joined with {@code "; "}.
   *
   * @param values per property, its value rendered as juggler renders it ({@code undefined},
   *     {@code null}, {@code "x"}, {@code 5}, ...); a property without an entry renders as {@code undefined}
   */
  public static ApiError validation(String modelName, JsonObject codes, JsonObject messages,
                                    Map<String, String> values) {
    StringJoiner details = new StringJoiner("; ");
    for (String property : messages.fieldNames()) {
      String value = values.getOrDefault(property, "undefined");
      for (Object m : messages.getJsonArray(property)) {
        details.add("`" + property + "` " + m + " (value: " + value + ")");
      }
    }
    String text = "The `" + modelName + "` instance is not valid. Details: "
        + (details.length() == 0 ? "(unknown)" : details.toString()) + ".";
    JsonObject body = new JsonObject().put("context", modelName).put("codes", codes).put("messages", messages);
    return new ApiError(422, "ValidationError", text, null, body);
  }

  /** 409 for a write whose id is taken, as the memory connector answers (both stores). */
  public static ApiError duplicateId(String modelName, String idName) {
    return new ApiError(409, "Error", "Duplicate entry for " + modelName + "." + idName, null, null);
  }

  /** 422 for an instance without an id where the model does not generate one (both stores). */
  public static ApiError missingId(String modelName, String idName) {
    return validation(modelName, new JsonObject().put(idName, new JsonArray().add("presence")),
        new JsonObject().put(idName, new JsonArray().add("can't be blank")), Map.of());
  }

  public static ApiError internal(String message) {
    return new ApiError(500, null, message, null, null);
  }

  public int statusCode() {
    return statusCode;
  }

  /** The {@code name} field; {@code null} for 500s, where LoopBack omits it. */
  public String name() {
    return name;
  }

  /** An optional machine-readable code, e.g. {@code MODEL_NOT_FOUND}. */
  public String code() {
    return code;
  }

  /** Optional details: a JsonObject (validation) or JsonArray (bulk errors); may be null. */
  public Object details() {
    return details;
  }

  /** Asks the client to retry after this many seconds (the {@code Retry-After} header of a 429 or 503). */
  public ApiError retryAfter(int seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** The {@code Retry-After} to answer, 0 for none. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The whole response body, {@code {"error":{...}}}. */
  public JsonObject toJson() {
    JsonObject error = new JsonObject().put("statusCode", statusCode);
    if (statusCode >= 500) {
      error.put("message", statusCode == 500 ? "Internal Server Error" : getMessage());
    } else {
      if (name != null) {
        error.put("name", name);
      }
      error.put("message", getMessage());
    }
    if (code != null) {
      error.put("code", code);
    }
    if (details != null) {
      error.put("details", details);
    }
    return new JsonObject().put("error", error);
  }
}
