package io.livemodel.crud;

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
}
