package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.model.ApiError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Passwords hash and verify as LoopBack's User does")
class PasswordsTest {

  // Written by bcryptjs 2.4.3 (LoopBack 3's bcrypt) with cost 10: hashSync(password, 10).
  private static final String LOOPBACK_HASH = "$2a$10$gtFyNSQzKbIh1AqHun9eBuXqY8vVZDn/7REG0s75/fZJgWc0qFfGW";
  private static final String LOOPBACK_PASSWORD = "opensesame-LB3";
  private static final String LOOPBACK_UTF8_HASH = "$2a$10$sb4lsARo7.CuNcbASrl0M.eTXG6yv31eQT014selP69ZpG4MmPWCa";
  private static final String LOOPBACK_UTF8_PASSWORD = "pässwörd-ü€";
  private static final String LOOPBACK_72_A_HASH = "$2a$10$YKnJMPutAeGWTtN..cvafeppJTLKjJTlLIAIWXTrjg9TpHIrb5kV2";

  @Test
  @DisplayName("a $2a$10$ hash written by LoopBack (bcryptjs) verifies, and a wrong password does not")
  void verifiesLoopBackHash() {
    assertThat(Passwords.verify(LOOPBACK_PASSWORD, LOOPBACK_HASH)).isTrue();
    assertThat(Passwords.verify("opensesame-LB4", LOOPBACK_HASH)).isFalse();
    assertThat(Passwords.verify(LOOPBACK_UTF8_PASSWORD, LOOPBACK_UTF8_HASH)).as("UTF-8 bytes").isTrue();
  }

  @Test
  @DisplayName("a 72-byte password hashed by LoopBack verifies; 71 of its bytes do not")
  void seventyTwoBytes() {
    assertThat(Passwords.verify("a".repeat(72), LOOPBACK_72_A_HASH)).isTrue();
    assertThat(Passwords.verify("a".repeat(71), LOOPBACK_72_A_HASH)).isFalse();
  }

  @Test
  @DisplayName("new hashes are $2a$10$ and verify; two hashes of one password differ (fresh salt)")
  void hashes() {
    String hash = Passwords.hash("correct horse");
    assertThat(hash).startsWith("$2a$10$").hasSize(60);
    assertThat(Passwords.verify("correct horse", hash)).isTrue();
    assertThat(Passwords.hash("correct horse", 4)).startsWith("$2a$04$").isNotEqualTo(hash);
  }

  @Test
  @DisplayName("hashing refuses an empty or over-72-byte password with LoopBack's 422 codes, naming no password")
  void refusesBadPasswords() {
    assertThatThrownBy(() -> Passwords.hash(""))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("INVALID_PASSWORD"));
    assertThatThrownBy(() -> Passwords.hash(null)).isInstanceOf(ApiError.class);
    String long73 = "s3cr3t-".repeat(10) + "xyz";
    assertThatThrownBy(() -> Passwords.hash(long73))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.code()).isEqualTo("PASSWORD_TOO_LONG");
          assertThat(e.getMessage()).isEqualTo("The password entered was too long. Max length is 72 (entered 73)")
              .doesNotContain("s3cr3t");
        });
    assertThatThrownBy(() -> Passwords.hash("€".repeat(25))).as("75 UTF-8 bytes in 25 chars")
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_LONG"));
  }

  @Test
  @DisplayName("a login for an account that does not exist fails (after the same bcrypt work); one that exists verifies")
  void verifyLogin() {
    assertThat(Passwords.verifyLogin(LOOPBACK_PASSWORD, null)).isFalse();
    assertThat(Passwords.verifyLogin(LOOPBACK_PASSWORD, LOOPBACK_HASH)).isTrue();
    assertThat(Passwords.verifyLogin("wrong", LOOPBACK_HASH)).isFalse();
  }

  @Test
  @DisplayName("verify answers false, without throwing, for a megabyte password, garbage hashes and missing values")
  void verifyNeverThrows() {
    assertThat(Passwords.verify("x".repeat(1 << 20), LOOPBACK_HASH)).isFalse();
    assertThat(Passwords.verify("a".repeat(73), LOOPBACK_72_A_HASH)).as("longer than bcrypt's limit").isFalse();
    assertThat(Passwords.verify(LOOPBACK_PASSWORD, "not a hash")).isFalse();
    assertThat(Passwords.verify(LOOPBACK_PASSWORD, "$2a$10$short")).isFalse();
    assertThat(Passwords.verify(LOOPBACK_PASSWORD, "$2a$99$gtFyNSQzKbIh1AqHun9eBuXqY8vVZDn/7REG0s75/fZJgWc0qFfGW")).isFalse();
    assertThat(Passwords.verify(LOOPBACK_PASSWORD, LOOPBACK_PASSWORD)).as("a plain-text password column").isFalse();
    assertThat(Passwords.verify(null, LOOPBACK_HASH)).isFalse();
    assertThat(Passwords.verify("", LOOPBACK_HASH)).isFalse();
    assertThat(Passwords.verify(LOOPBACK_PASSWORD, null)).isFalse();
  }
}
