package io.livemodel.model;

import io.livemodel.js.JsDate;
import io.livemodel.js.JsDates;
import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Juggler 3's {@code defaultFn} providers (the switch in {@code ModelBaseClass._initProperties}):
 * {@code guid} and {@code uuid} give a time-based (version 1) UUID, {@code uuidv4} a random one,
 * {@code now} the current time, {@code shortid} a short URL-safe random id. Juggler only warns about any
 * other name and sets nothing; LiveModel names it in the start-up report ({@link ModelReport}).
 *
 * <p>Thread-safe.
 */
public final class DefaultFns {

  /** The names juggler 3 knows. */
  public static final Set<String> KNOWN = Set.of("guid", "uuid", "uuidv4", "now", "shortid");

  /** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
  private static final long GREGORIAN_OFFSET = 0x01B21DD213814000L;
  private static final String SHORTID_ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong LAST_TIMESTAMP = new AtomicLong();
  /** Random node id with the multicast bit set, as RFC 4122 asks when no MAC address is used. */
  private static final long NODE = (RANDOM.nextLong() & 0xFFFFFFFFFFFFL) | 0x010000000000L;
  private static final int CLOCK_SEQUENCE = RANDOM.nextInt(0x4000);

  private DefaultFns() {
  }

  /**
   * A fresh value of the named provider for a property of {@code type}, in {@link Instances}'
   * intermediate form (a {@link JsDate} for {@code now} on a date property, else a JSON value); null
   * for an unknown name (juggler leaves the property unset).
   */
  public static Object generate(String name, PropertyType type) {
    return switch (name) {
      case "guid", "uuid" -> timeBasedUuid().toString();
      case "uuidv4" -> UUID.randomUUID().toString();
      case "now" -> {
        long now = System.currentTimeMillis();
        // Juggler stores a Date whatever the declared type; it serializes as its ISO string.
        yield type == PropertyType.DATE ? new JsDate(now) : JsDates.toIsoString(now);
      }
      case "shortid" -> shortId();
      default -> null;
    };
  }

  /** A version-1 UUID: timestamp, a per-process clock sequence and a random node id. */
  static UUID timeBasedUuid() {
    long candidate = System.currentTimeMillis() * 10_000 + GREGORIAN_OFFSET;
    // Strictly increasing, so two ids made in the same millisecond differ.
    long ts = LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, candidate));
    long msb = ((ts & 0xFFFFFFFFL) << 32) | (((ts >>> 32) & 0xFFFFL) << 16) | 0x1000L | ((ts >>> 48) & 0x0FFFL);
    long lsb = ((0x80L | ((CLOCK_SEQUENCE >>> 8) & 0x3F)) << 56) | ((CLOCK_SEQUENCE & 0xFFL) << 48) | NODE;
    return new UUID(msb, lsb);
  }

  private static String shortId() {
    StringBuilder id = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      id.append(SHORTID_ALPHABET.charAt(RANDOM.nextInt(SHORTID_ALPHABET.length())));
    }
    return id.toString();
  }
}
