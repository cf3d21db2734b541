package io.livemodel.auth;

import java.security.SecureRandom;

/**
 * Access token ids as LoopBack makes them ({@code uid2(64)}): 64 characters from
 * {@code A-Z a-z 0-9}.
 *
 * <p>LoopBack's uid2 0.0.3 maps each random byte to {@code byte % 62}, which favours the first eight
 * characters; here each character is drawn uniformly (rejection sampling) from a {@link SecureRandom},
 * so the format is the same and the ids are not more guessable. Thread-safe.
 */
public final class TokenIds {

  /** LoopBack's default {@code accessTokenIdLength}. */
  public static final int LENGTH = 64;
  /**
   * The longest id accepted from a request. LoopBack apps may configure a longer
   * {@code accessTokenIdLength}; anything beyond this is not looked up.
   */
  public static final int MAX_ACCEPTED_LENGTH = 128;

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenIds() {
  }

  /** A fresh 64-character id. */
  public static String generate() {
    char[] out = new char[LENGTH];
    byte[] bytes = new byte[LENGTH + 16];
    int filled = 0;
    while (filled < LENGTH) {
      RANDOM.nextBytes(bytes);
      for (int i = 0; i < bytes.length && filled < LENGTH; i++) {
        int b = bytes[i] & 0xff;
        if (b < 248) { // 248 = 4 * 62: keeps every character equally likely
          out[filled++] = ALPHABET.charAt(b % 62);
        }
      }
    }
    return new String(out);
  }

  /**
   * Whether {@code id} could be a token id: 1 to {@value #MAX_ACCEPTED_LENGTH} characters of
   * {@code A-Z a-z 0-9 - _} (uid2's newer alphabet adds {@code -} and {@code _}). Anything else is
   * never looked up, so forged or oversized values cost nothing.
   */
  public static boolean isWellFormed(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ACCEPTED_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
