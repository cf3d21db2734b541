package io.livemodel.stream;

/**
 * One open change stream of one client, as the fan-out sees it. Implementations live with their
 * transport (SSE and JSON-lines streams in the http package). Called only on the event loop of the
 * hub that holds it.
 *
 * <p>Sequence rule: a subscriber writes a change only if its seq is above the last seq it wrote (or
 * the change has no seq), so replayed and live copies of a change never both reach the client.
 */
public interface Subscriber {

  /** The subscription's options filter. */
  ChangeFilter filter();

  /** A live change; queued instead while the subscriber is held. Must not block. */
  void deliver(EncodedChange change);

  /** Starts holding live changes back: a replay from the change log is about to be written. */
  void hold();

  /** A change from the change log, written at once. */
  void replay(EncodedChange change);

  /** Writes the held live changes (by the sequence rule) and stops holding. */
  void release();

  /** The client's position is no longer in the change log: tell it to refetch; it continues live after {@code latestSeq}. */
  void reset(long afterSeq, long latestSeq);

  /** Ends the stream (the client may reconnect elsewhere and resume); idempotent. */
  void close();

  /** Called periodically; a subscriber idle for the interval writes a keep-alive if its format has one. */
  void heartbeat(long nowMillis, long intervalMillis);
}
