package io.livemodel.stream;

/**
 * One client's change stream, as a transport (SSE, JSON lines) implements it. The fan-out decides
 * what to send and when ({@link Subscription}); a subscriber only writes. Called only on the event
 * loop of the hub that holds it; no method may block.
 */
public interface Subscriber {

  /** Writes one change. */
  void send(EncodedChange change);

  /** The client's position is no longer in the change log: tell it to refetch; it continues live after {@code latestSeq}. */
  void reset(long afterSeq, long latestSeq);

  /** Called periodically; a subscriber idle for the interval writes a keep-alive if its format has one. */
  void heartbeat(long nowMillis, long intervalMillis);

  /**
   * Whether the client is behind what its connection takes: a replay waits before it reads the next
   * page of the change log, so that a client that does not read holds one page, not the whole history.
   */
  default boolean congested() {
    return false;
  }

  /** Ends the stream (the client may reconnect elsewhere and resume); idempotent. */
  void close();
}
