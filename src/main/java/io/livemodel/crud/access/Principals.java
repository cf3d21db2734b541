package io.livemodel.crud.access;

import io.livemodel.auth.AccessToken;
import io.livemodel.auth.Principal;
import io.livemodel.auth.TokenIds;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.livemodel.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node's token service: an access token id → the {@link Principal} of its user, read from the
 * store's {@code AccessToken} rows (any node's tokens, both stores) and cached on this node until the
 * token expires or {@link #CACHE_MILLIS} pass. A token row removed or changed anywhere in the cluster
 * reaches every node's change bus, which calls {@link #invalidate} (a logout holds everywhere within
 * the bus's delivery time), and then every {@link #onInvalidate} listener (streams opened with it end).
 *
 * <p>An unknown, malformed, expired or logged-out token is {@link Principal#ANONYMOUS}: LoopBack's
 * measured behaviour (acl-app step "expired token counts as no token"). Thread-safe.
 */
public final class Principals {

  /** How long a looked-up token is trusted without reading its row again (a safety net for lost messages). */
  static final long CACHE_MILLIS = 60_000;
  /** At most this many tokens are cached; past it the cache starts over (only valid tokens are cached). */
  static final int MAX_CACHED = 100_000;

  private record Cached(AccessToken token, long until) {
  }

  private final Store store;
  private final ModelDefinition tokenModel;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  /** @param tokenModel the {@code AccessToken} model, or null when the app has none (every token is unknown) */
  public Principals(Store store, ModelDefinition tokenModel) {
    this.store = store;
    this.tokenModel = tokenModel;
  }

  /** The caller of a token id (null: no token). */
  public Future<Principal> resolve(String tokenId) {
    return token(tokenId).map(token -> token == null ? Principal.ANONYMOUS : Principal.of(token));
  }

  /** The valid token with this id, or null. */
  public Future<AccessToken> token(String tokenId) {
    if (tokenId == null || tokenModel == null || !TokenIds.isWellFormed(tokenId)) {
      return Future.succeededFuture();
    }
    Instant now = Instant.now();
    Cached cached = cache.get(tokenId);
    if (cached != null && cached.until > System.currentTimeMillis()) {
      return Future.succeededFuture(valid(cached.token, now));
    }
    return store.findById(tokenModel, tokenId).map(row -> {
      AccessToken token = row == null ? null : fromRow(row);
      if (token == null) {
        cache.remove(tokenId);
        return null;
      }
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(tokenId, new Cached(token, System.currentTimeMillis() + CACHE_MILLIS));
      return valid(token, now);
    });
  }

  /** Forgets a token (its row was removed or changed) and tells the listeners. */
  public void invalidate(String tokenId) {
    cache.remove(tokenId);
    for (Consumer<String> listener : listeners) {
      listener.accept(tokenId);
    }
  }

  /** Called with the id of every token removed or changed (on the change bus's context). */
  public void onInvalidate(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** The change-bus listener of the {@code AccessToken} model. */
  void onChange(Change change) {
    if (!Change.CREATE.equals(change.type()) && change.target() != null) {
      invalidate(String.valueOf(change.target()));
    }
  }

  /** How many tokens this node holds (tests). */
  public int cached() {
    return cache.size();
  }

  private static AccessToken valid(AccessToken token, Instant now) {
    return token.isValidAt(now, false) ? token : null;
  }

  /** A stored {@code AccessToken} row; null when it cannot be a valid token. */
  static AccessToken fromRow(JsonObject row) {
    if (!(row.getValue("id") instanceof String id) || !(row.getValue("ttl") instanceof Number ttl)) {
      return null;
    }
    Instant created = instant(row.getValue("created"));
    List<String> scopes = null;
    if (row.getValue("scopes") instanceof JsonArray array) {
      scopes = new ArrayList<>();
      for (Object scope : array) {
        scopes.add(String.valueOf(scope));
      }
    }
    return new AccessToken(id, ttl.longValue(), created, row.getValue("userId"), scopes, null);
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException again) {
          return null;
        }
      }
    }
    return null;
  }
}
