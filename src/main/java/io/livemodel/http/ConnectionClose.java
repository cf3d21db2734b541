package io.livemodel.http;

/** The bridges' {@code HardClose}, from outside this package: see {@link VertxInternals#closeNow}. */
public final class ConnectionClose {

  private ConnectionClose() {
  }

  /** Closes a Vert.x connection at once, discarding what it has queued; false if it is none. */
  public static boolean now(Object connection) {
    return VertxInternals.closeNow(connection);
  }
}
