package io.livemodel.auth;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows repeated failed logins: a token bucket per key (one for the account, one for the client
 * address). Each failed login takes a token; a key whose bucket is empty is refused (429 with
 * {@code Retry-After}) until a token has come back. Beyond LoopBack, which does not throttle.
 *
 * <p>Memory is bounded: at most {@code maxKeys} buckets are kept. A bucket that has refilled
 * completely is the same as no bucket and is dropped first; past the bound the least recently used
 * bucket goes. An attacker who cycles through many addresses can therefore only make the throttle
 * forget buckets, never grow it. Thread-safe (one lock; every operation is O(1) amortised).
 */
public final class LoginThrottle {

  private final int capacity;
  private final long refillNanos;
  private final int maxKeys;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

  /**
   * @param capacity failed attempts a key may make in a burst (at least 1)
   * @param refillEvery how long it takes for one attempt to come back
   * @param maxKeys how many keys are remembered at most
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  public LoginThrottle(int capacity, Duration refillEvery, int maxKeys, LongSupplier nanoClock) {
    if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException("capacity, refill interval and maxKeys must be positive");
    }
    this.capacity = capacity;
    this.refillNanos = refillEvery.toNanos();
    this.maxKeys = maxKeys;
    this.nanoClock = nanoClock;
  }

  /** Ten attempts in a burst, then one per 30 seconds; 100,000 keys at most. */
  public static LoginThrottle withDefaults() {
    return new LoginThrottle(10, Duration.ofSeconds(30), 100_000, System::nanoTime);
  }

  /** The key of an account, as given at login (LoopBack's emails are case-sensitive by default). */
  public static String accountKey(String emailOrUsername) {
    return "account:" + emailOrUsername;
  }

  /** The key of a client address. */
  public static String addressKey(String address) {
    return "address:" + address;
  }

  /** How long {@code key} must wait before its next attempt; zero when it may try now. */
  public synchronized Duration waitTime(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return Duration.ZERO;
    }
    long now = nanoClock.getAsLong();
    bucket.refill(now);
    return bucket.tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * refillNanos));
  }

  /** The longest {@link #waitTime} of several keys (an account and an address). */
  public Duration waitTime(String... keys) {
    Duration longest = Duration.ZERO;
    for (String key : keys) {
      Duration wait = waitTime(key);
      if (wait.compareTo(longest) > 0) {
        longest = wait;
      }
    }
    return longest;
  }

  /** Takes a token from each key's bucket after a failed login. */
  public synchronized void failed(String... keys) {
    long now = nanoClock.getAsLong();
    for (String key : keys) {
      Bucket bucket = buckets.get(key);
      if (bucket == null) {
        makeRoom(now);
        bucket = new Bucket(capacity, now);
        buckets.put(key, bucket);
      }
      bucket.refill(now);
      bucket.tokens = Math.max(bucket.tokens - 1, -capacity); // bounded debt: an attack cannot lock out forever
    }
  }

  /** Forgets a key (after a successful login on the account). */
  public synchronized void reset(String key) {
    buckets.remove(key);
  }

  /** How many keys are remembered now. */
  public synchronized int size() {
    return buckets.size();
  }

  /** {@link Duration} rounded up to whole seconds, for {@code Retry-After}. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private void makeRoom(long now) {
    if (buckets.size() < maxKeys) {
      return;
    }
    Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
    int scanned = 0;
    while (it.hasNext() && scanned++ < 16) { // the least recently used come first
      Bucket b = it.next().getValue();
      b.refill(now);
      if (b.tokens >= capacity) {
        it.remove();
      }
    }
    while (buckets.size() >= maxKeys) {
      it = buckets.entrySet().iterator();
      it.next();
      it.remove();
    }
  }

  private final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }

    void refill(long now) {
      long elapsed = now - lastNanos;
      if (elapsed > 0) {
        tokens = Math.min(capacity, tokens + (double) elapsed / refillNanos);
        lastNanos = now;
      }
    }
  }
}
