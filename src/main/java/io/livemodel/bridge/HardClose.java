package io.livemodel.bridge;

/**
 * Closes a connection at once, below its Vert.x handlers, discarding what it has queued: the
 * slow-consumer cutoff's way to free a client's backlog ({@link SlowConsumers}). A WebSocket's or an
 * HTTP response's handlers would otherwise first queue a close frame or the response's end behind
 * everything already queued, and wait for a client that does not read. That takes Vert.x internals,
 * which only {@code http/VertxInternals} may use: the bootstrap and the HTTP verticle hand its
 * implementation in ({@code http.ConnectionClose::now}).
 */
@FunctionalInterface
public interface HardClose {

  /**
   * Closes {@code connection} (an {@code HttpConnection} or a {@code NetSocket}) at once; returns
   * false if it could not (null, or a class without the needed internals): the caller then closes
   * it through the public API.
   */
  boolean close(Object connection);
}
