package io.livemodel.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * One subscriber's place in a {@link ChangeHub}: its model, its filter, and how far it has come.
 *
 * <p>Sequence rule: a change is sent only if its seq is above the last seq sent (or it has no seq), so
 * replayed and live copies of a change never both reach the client. While a replay is running
 * ({@link Replayer}), live changes are held and sent when it ends.
 *
 * <p>Not thread-safe: used on its hub's event loop only. {@link #close()} may be called any number of times.
 */
public final class Subscription {

  private final ChangeHub hub;
  private final String model;
  private final ChangeFilter filter;
  private final Subscriber subscriber;
  private long lastSeq;
  private List<EncodedChange> held;
  private boolean closed;

  Subscription(ChangeHub hub, String model, ChangeFilter filter, Subscriber subscriber, long lastSeq) {
    this.hub = hub;
    this.model = model;
    this.filter = filter;
    this.subscriber = subscriber;
    this.lastSeq = lastSeq;
  }

  String model() {
    return model;
  }

  ChangeFilter filter() {
    return filter;
  }

  Subscriber subscriber() {
    return subscriber;
  }

  /** A live change: held while a replay runs, else sent by the sequence rule. */
  void deliver(EncodedChange change) {
    if (held != null) {
      held.add(change);
    } else {
      send(change);
    }
  }

  /** Sends by the sequence rule, whether or not live changes are held. */
  void send(EncodedChange change) {
    long seq = change.seq();
    if (closed || (seq > 0 && seq <= lastSeq)) {
      return;
    }
    if (seq > 0) {
      lastSeq = seq;
    }
    subscriber.send(change);
  }

  void hold() {
    if (held == null) {
      held = new ArrayList<>();
    }
  }

  /** Sends the held live changes (by the sequence rule) and stops holding. */
  void release() {
    List<EncodedChange> queued = held;
    held = null;
    if (queued != null) {
      queued.forEach(this::send);
    }
  }

  /** Tells the client its position expired; it continues from {@code latestSeq}. */
  void reset(long afterSeq, long latestSeq) {
    if (!closed) {
      subscriber.reset(afterSeq, latestSeq);
      lastSeq = Math.max(lastSeq, latestSeq);
    }
  }

  boolean closed() {
    return closed;
  }

  /** Leaves the hub; the subscriber receives nothing more. Idempotent; does not close the subscriber. */
  public void close() {
    if (!closed) {
      closed = true;
      held = null;
      hub.unsubscribe(this);
    }
  }
}
