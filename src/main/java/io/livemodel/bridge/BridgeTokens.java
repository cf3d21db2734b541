package io.livemodel.bridge;

import io.livemodel.auth.AccessToken;
import io.livemodel.crud.access.AccessControl;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bridge sockets of one verticle that registered through an access token: a socket is closed
 * when such a token expires (a timer) or is logged out or changed on any node, as a change stream
 * ends; the client reconnects and registers anew (and is refused). Used on the verticle's event loop.
 */
final class BridgeTokens {

  private final Vertx vertx;
  private final Map<String, Map<Object, Runnable>> byToken = new HashMap<>();

  BridgeTokens(Vertx vertx, Context context, AccessControl access) {
    this.vertx = vertx;
    if (access != null) {
      access.principals().onInvalidate(tokenId -> context.runOnContext(v -> closeAll(tokenId)));
    }
  }

  /** Closes {@code socket} (with {@code close}) when {@code token} ends. */
  void track(Object socket, AccessToken token, Runnable close) {
    Map<Object, Runnable> sockets = byToken.computeIfAbsent(token.id(), id -> new LinkedHashMap<>());
    if (sockets.putIfAbsent(socket, close) != null) {
      return;
    }
    Instant expires = token.expiresAt();
    if (expires != null) {
      vertx.setTimer(Math.max(1, expires.toEpochMilli() - System.currentTimeMillis()), t -> {
        Map<Object, Runnable> left = byToken.get(token.id());
        Runnable closer = left == null ? null : left.remove(socket);
        if (closer != null) {
          closer.run();
        }
      });
    }
  }

  /** Forgets a socket that closed. */
  void forget(Object socket) {
    byToken.values().removeIf(sockets -> {
      sockets.remove(socket);
      return sockets.isEmpty();
    });
  }

  private void closeAll(String tokenId) {
    Map<Object, Runnable> sockets = byToken.remove(tokenId);
    if (sockets != null) {
      sockets.values().forEach(Runnable::run);
    }
  }
}
