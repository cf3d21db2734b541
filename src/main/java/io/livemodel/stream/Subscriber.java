package io.livemodel.stream;

/**
 * One open change stream of one client, as the fan-out sees it. Implementations live with their
 * transport (SSE and JSON streams in the http package). Called only on the event loop of the
 * verticle that registered it.
 */
public interface Subscriber {

  /** The subscription's options filter. */
  ChangeFilter filter();

  /** Writes one change; must not block. A subscriber that cannot keep up closes itself. */
  void deliver(EncodedChange change);

  /** Called periodically; a subscriber idle for the heartbeat interval writes a keep-alive if its format allows one. */
  void heartbeat(long nowMillis, long intervalMillis);
}
