package io.livemodel.limits;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * Names the client a piece of work is done for, without passing anything through the layers
 * between: the HTTP layer {@link #bind binds} the request's client address to the request's own
 * (duplicated) Vert.x context, where a store {@link #current() reads} it, e.g. to keep one client from
 * holding more than its share of database connections. An opaque text: stores compare it, nothing
 * more. Outside a request there is none.
 */
public final class ClientKey {

  private static final String KEY = "livemodel.client-key";

  private ClientKey() {
  }

  /** Binds {@code client} to the current request's context (nothing outside a request). */
  public static void bind(String client) {
    if (client != null && Vertx.currentContext() instanceof ContextInternal context && context.isDuplicate()) {
      context.putLocal(KEY, client);
    }
  }

  /** The client of the current request, or null outside a request. */
  public static String current() {
    if (Vertx.currentContext() instanceof ContextInternal context && context.isDuplicate()
        && context.getLocal(KEY) instanceof String client) {
      return client;
    }
    return null;
  }
}
