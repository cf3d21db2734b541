package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Access tokens are made and expire as LoopBack's")
class AccessTokenTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  @DisplayName("ids are 64 characters of A-Z a-z 0-9, and do not repeat")
  void ids() {
    Set<String> seen = new HashSet<>();
    int[] counts = new int[128];
    for (int i = 0; i < 2000; i++) {
      String id = TokenIds.generate();
      assertThat(id).hasSize(64).matches("[A-Za-z0-9]{64}");
      assertThat(TokenIds.isWellFormed(id)).isTrue();
      id.chars().forEach(c -> counts[c]++);
      seen.add(id);
    }
    assertThat(seen).hasSize(2000);
    // 128,000 characters over 62 symbols: every symbol appears (about 2,064 times each)
    for (char c : "AHIZaz09".toCharArray()) {
      assertThat(counts[c]).as("count of %s", c).isBetween(1500, 2700);
    }
  }

  @Test
  @DisplayName("a token is valid for fewer than ttl seconds after it was created, not at ttl")
  void expiry() {
    AccessToken token = new AccessToken(TokenIds.generate(), 60, T0, 1, null, null);
    assertThat(token.isValidAt(T0, false)).isTrue();
    assertThat(token.isValidAt(T0.plusMillis(59_999), false)).isTrue();
    assertThat(token.isValidAt(T0.plusSeconds(60), false)).isFalse();
    assertThat(token.expiresAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  @DisplayName("ttl -1 is eternal only where the user model allows eternal tokens; 0, below -1 or no date are invalid")
  void odd() {
    AccessToken eternal = new AccessToken("a", AccessToken.ETERNAL, T0, 1, null, null);
    assertThat(eternal.isValidAt(T0.plusSeconds(1L << 40), false)).isFalse();
    assertThat(eternal.isValidAt(T0.plusSeconds(1L << 40), true)).isTrue();
    assertThat(new AccessToken("a", 0, T0, 1, null, null).isValidAt(T0, true)).isFalse();
    assertThat(new AccessToken("a", -2, T0, 1, null, null).isValidAt(T0, true)).isFalse();
    assertThat(new AccessToken("a", 60, null, 1, null, null).isValidAt(T0, true)).isFalse();
  }

  @Test
  @DisplayName("the granted ttl is the requested one (or the default for none or 0), capped at maxTTL")
  void grantedTtl() {
    assertThat(AccessToken.grantedTtl(null, AccessToken.DEFAULT_TTL, AccessToken.DEFAULT_MAX_TTL)).isEqualTo(1_209_600);
    assertThat(AccessToken.grantedTtl(0L, AccessToken.DEFAULT_TTL, AccessToken.DEFAULT_MAX_TTL)).isEqualTo(1_209_600);
    assertThat(AccessToken.grantedTtl(3600L, AccessToken.DEFAULT_TTL, AccessToken.DEFAULT_MAX_TTL)).isEqualTo(3600);
    assertThat(AccessToken.grantedTtl(1L << 40, AccessToken.DEFAULT_TTL, AccessToken.DEFAULT_MAX_TTL)).isEqualTo(31_556_926);
  }

  @Test
  @DisplayName("a token's text form and its principal's never show the secret id")
  void noSecretInText() {
    AccessToken token = AccessToken.issue(42, AccessToken.DEFAULT_TTL, T0);
    assertThat(token.toString()).doesNotContain(token.id()).contains("userId=42");
    Principal principal = Principal.of(token);
    assertThat(principal.toString()).doesNotContain(token.id());
    assertThat(principal.userId()).isEqualTo("42");
    assertThat(principal.scopes()).isEqualTo(List.of("DEFAULT"));
  }
}
