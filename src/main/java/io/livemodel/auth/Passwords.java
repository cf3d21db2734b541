package io.livemodel.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.livemodel.model.ApiError;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing as LoopBack's {@code User.hashPassword} and {@code hasPassword}: bcrypt,
 * {@code $2a$} with cost 10 by default ({@code saltWorkFactor}), so hashes LoopBack wrote verify here
 * and the other way round.
 *
 * <p>bcrypt uses at most 72 bytes of a password. LoopBack's {@code validatePassword} refuses to hash
 * an empty password or one over 72 UTF-8 bytes (422 {@code INVALID_PASSWORD} /
 * {@code PASSWORD_TOO_LONG}); {@link #verify} answers false for them without running bcrypt, so a
 * megabyte "password" costs nothing. (LoopBack's bcryptjs would compare only the first 72 bytes of a
 * longer login password; since no stored hash can come from such a password, refusing it only stops
 * logins with extra trailing characters.) Nothing here logs, and no message holds a password.
 *
 * <p>bcrypt is CPU-bound by design (tens of milliseconds at cost 10): call {@link #hash} and
 * {@link #verify} from a worker ({@code executeBlocking}), never on an event loop.
 */
public final class Passwords {

  /** bcrypt's limit and LoopBack's {@code MAX_PASSWORD_LENGTH}, in UTF-8 bytes. */
  public static final int MAX_BYTES = 72;
  /** LoopBack's default {@code saltWorkFactor}. */
  public static final int DEFAULT_COST = 10;

  // A cost-10 hash of random bytes that were thrown away: no password matches it.
  private static final String NO_ACCOUNT_HASH = "$2a$10$38FgMYNVfUYFc8p2Jh6ql.eDs1txMOW.Rt4whThdKWnwmPeluragi";

  private Passwords() {
  }

  /** {@link #hash(String, int)} with LoopBack's default cost. */
  public static String hash(String plain) {
    return hash(plain, DEFAULT_COST);
  }

  /**
   * A {@code $2a$} bcrypt hash of {@code plain} with a fresh salt.
   *
   * @throws ApiError 422 {@code INVALID_PASSWORD} for a missing or empty password, 422
   *     {@code PASSWORD_TOO_LONG} over {@value #MAX_BYTES} UTF-8 bytes (LoopBack's messages)
   */
  public static String hash(String plain, int cost) {
    byte[] bytes = checked(plain);
    return new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(cost, bytes), StandardCharsets.US_ASCII);
  }

  /**
   * Whether {@code plain} is the password of {@code hash} ({@code $2a$}, {@code $2b$} or {@code $2y$}).
   * False for an empty, missing or over-long password and for a hash that is not bcrypt.
   */
  public static boolean verify(String plain, String hash) {
    if (plain == null || plain.isEmpty() || plain.length() > MAX_BYTES || hash == null || hash.isEmpty()) {
      return false;
    }
    byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      return false;
    }
    try {
      return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    } catch (RuntimeException malformedHash) {
      return false;
    }
  }

  /**
   * {@link #verify} for a login whose account may not exist: with no stored hash it still runs bcrypt
   * (against a fixed hash no password matches), so an unknown account answers as slowly as a wrong
   * password and response times do not tell which accounts exist. (LoopBack answers an unknown
   * account at once.)
   *
   * @param hash the account's stored hash, or {@code null} when there is no such account
   */
  public static boolean verifyLogin(String plain, String hash) {
    if (hash == null) {
      verify(plain, NO_ACCOUNT_HASH);
      return false;
    }
    return verify(plain, hash);
  }


  private static byte[] checked(String plain) {
    if (plain == null || plain.isEmpty()) {
      throw new ApiError(422, "Error", "Invalid password.", "INVALID_PASSWORD", null);
    }
    // Decide on the char count first: a huge string is refused without encoding it.
    int length = plain.length() > MAX_BYTES * 4 ? plain.length() : plain.getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_BYTES) {
      throw new ApiError(422, "Error", "The password entered was too long. Max length is " + MAX_BYTES
          + " (entered " + length + ")", "PASSWORD_TOO_LONG", null);
    }
    return plain.getBytes(StandardCharsets.UTF_8);
  }
}
