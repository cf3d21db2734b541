package io.livemodel.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An access token as LoopBack's {@code AccessToken} model stores it.
 *
 * @param id the 64-character secret (see {@link TokenIds}); never logged, never in {@link #toString()}
 * @param ttl seconds to live from {@code created}; LoopBack's default is 1209600 (two weeks); -1 means
 *     eternal, honoured only where the user model allows eternal tokens
 * @param created when the token was issued
 * @param userId the user's id as stored (number or string)
 * @param scopes the token's scopes, or {@code null} for LoopBack's default {@code ["DEFAULT"]}
 * @param principalType the user model's name for apps with several user models, or {@code null}
 */
public record AccessToken(String id, long ttl, Instant created, Object userId, List<String> scopes,
                          String principalType) {

  /** LoopBack's default token ttl (two weeks), in seconds. */
  public static final long DEFAULT_TTL = 1_209_600;
  /** LoopBack's default {@code maxTTL} for a requested ttl (one year), in seconds. */
  public static final long DEFAULT_MAX_TTL = 31_556_926;
  /** The ttl of a token that never expires. */
  public static final long ETERNAL = -1;
  /** The scopes a token without {@code scopes} has, and that every built-in method requires. */
  public static final List<String> DEFAULT_SCOPES = List.of("DEFAULT");

  public AccessToken {
    scopes = scopes == null ? null : List.copyOf(scopes);
  }

  /** A new token for {@code userId} with a fresh id. */
  public static AccessToken issue(Object userId, long ttl, Instant now) {
    return new AccessToken(TokenIds.generate(), ttl, now, userId, null, null);
  }

  /**
   * The ttl LoopBack's {@code createAccessToken} gives for a requested ttl: the request (or the
   * user model's default when none or 0 is asked for) capped at {@code maxTtl}.
   */
  public static long grantedTtl(Long requested, long defaultTtl, long maxTtl) {
    long ttl = requested == null || requested == 0 ? defaultTtl : requested;
    return Math.min(ttl, maxTtl);
  }

  /**
   * LoopBack's {@code AccessToken.prototype.validate}: a token is valid while fewer than {@code ttl}
   * seconds have passed since {@code created}; {@code ttl -1} is valid only when eternal tokens are
   * allowed. A token LoopBack would reject with an assertion (ttl 0, ttl below -1, no created date)
   * is not valid either (LoopBack answers those 500).
   *
   * <p>What a server does with an expired token is the caller's choice. LoopBack 3.28 (measured)
   * answers the first request that carries it 401 {@code INVALID_TOKEN}, even on an open model, and
   * deletes it; later requests count it as no token.
   */
  public boolean isValidAt(Instant now, boolean eternalTokensAllowed) {
    if (created == null || ttl == 0 || ttl < ETERNAL) {
      return false;
    }
    if (ttl == ETERNAL) {
      return eternalTokensAllowed;
    }
    long elapsedMillis = Duration.between(created, now).toMillis();
    return elapsedMillis < ttl * 1000;
  }

  /** When the token stops being valid, or {@code null} for an eternal one. */
  public Instant expiresAt() {
    return ttl <= 0 ? null : created.plusSeconds(ttl);
  }

  @Override
  public String toString() {
    return "AccessToken[userId=" + userId + ", ttl=" + ttl + ", created=" + created + "]";
  }
}
