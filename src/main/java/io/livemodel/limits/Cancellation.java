package io.livemodel.limits;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Lets work started for an HTTP request see that its client has left, without passing anything
 * through the layers between: the request's flag lives in the request's own (duplicated) Vert.x
 * context, where the HTTP layer {@link #bind() binds} it and a store {@link #current() reads} it on
 * the same thread, when the work starts. Outside a request the flag is never set.
 */
public final class Cancellation {

  private static final String KEY = "livemodel.client-gone";
  private static final BooleanSupplier NEVER = () -> false;

  private Cancellation() {
  }

  /** Binds a fresh flag to the current request's context and returns it (set it when the client leaves). */
  public static AtomicBoolean bind() {
    AtomicBoolean gone = new AtomicBoolean();
    if (Vertx.currentContext() instanceof ContextInternal context && context.isDuplicate()) {
      context.putLocal(KEY, gone);
    }
    return gone;
  }

  /** Whether the client of the current request has left; a supplier that stays false outside requests. */
  public static BooleanSupplier current() {
    if (Vertx.currentContext() instanceof ContextInternal context && context.isDuplicate()
        && context.getLocal(KEY) instanceof AtomicBoolean gone) {
      return gone::get;
    }
    return NEVER;
  }
}
