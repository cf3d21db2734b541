package io.livemodel.http;

import io.livemodel.auth.AccessToken;
import io.livemodel.crud.access.Principals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The change streams of one HTTP verticle that were allowed through an access token: each ends when
 * its token expires (a timer) or is logged out or changed on any node ({@link Principals#onInvalidate},
 * fed by the change bus), so a stream never outlives the right to read it by more than the bus's
 * delivery time. The client's reconnection is then decided anew (and refused). Used on the
 * verticle's event loop only.
 */
final class TokenStreams {

  private final Vertx vertx;
  private final Map<String, Set<StreamSubscriber>> byToken = new HashMap<>();

  TokenStreams(Vertx vertx, Context context, Principals principals) {
    this.vertx = vertx;
    principals.onInvalidate(tokenId -> context.runOnContext(v -> closeAll(tokenId)));
  }

  /** Ends {@code subscriber} with {@code token}; call before the subscriber opens. */
  void track(StreamSubscriber subscriber, AccessToken token) {
    Set<StreamSubscriber> streams = byToken.computeIfAbsent(token.id(), id -> new LinkedHashSet<>());
    streams.add(subscriber);
    Instant expires = token.expiresAt();
    long timer = expires == null ? -1
        : vertx.setTimer(Math.max(1, expires.toEpochMilli() - System.currentTimeMillis()), t -> subscriber.close());
    subscriber.onClose(() -> {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      Set<StreamSubscriber> left = byToken.get(token.id());
      if (left != null && left.remove(subscriber) && left.isEmpty()) {
        byToken.remove(token.id());
      }
    });
  }

  private void closeAll(String tokenId) {
    Set<StreamSubscriber> streams = byToken.remove(tokenId);
    if (streams != null) {
      for (StreamSubscriber subscriber : Set.copyOf(streams)) {
        subscriber.close();
      }
    }
  }

  /** Streams held for tokens (tests). */
  int size() {
    return byToken.values().stream().mapToInt(Set::size).sum();
  }
}
