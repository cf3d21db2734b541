package io.livemodel.crud;

import io.livemodel.model.ApiError;

/**
 * The CRUD verticle's answer to a {@link WriteRequest}: the JSON answer, or the error to render.
 * Node-local only, like the request.
 */
public record WriteReply(Object value, Throwable error) {

  public static WriteReply of(Object value) {
    return new WriteReply(value, null);
  }

  public static WriteReply failed(Throwable error) {
    return new WriteReply(null, error);
  }

  /** Whether the error is one the client caused or may see as is. */
  public boolean clientError() {
    return error instanceof ApiError;
  }
}
