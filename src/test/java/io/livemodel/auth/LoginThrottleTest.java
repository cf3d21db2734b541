package io.livemodel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LoginThrottle slows repeated failed logins per key, in bounded memory")
class LoginThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(10), 100, now::get);

  @Test
  @DisplayName("a key may fail `capacity` times in a row; the next attempt must wait for a token to come back")
  void burstThenWait() {
    String account = LoginThrottle.accountKey("ann@example.com");
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitTime(account)).isZero();
      throttle.failed(account);
    }
    assertThat(throttle.waitTime(account)).isEqualTo(Duration.ofSeconds(10));
    advance(Duration.ofSeconds(4));
    assertThat(throttle.waitTime(account)).isEqualTo(Duration.ofSeconds(6));
    assertThat(LoginThrottle.retryAfterSeconds(throttle.waitTime(account))).isEqualTo(6);
    advance(Duration.ofSeconds(6));
    assertThat(throttle.waitTime(account)).isZero();
  }

  @Test
  @DisplayName("a thousand wrong logins in a row are slowed: nearly all of them must wait")
  void thousandFailures() {
    String address = LoginThrottle.addressKey("203.0.113.9");
    int refused = 0;
    for (int i = 0; i < 1000; i++) {
      if (!throttle.waitTime(address).isZero()) {
        refused++;
        advance(Duration.ofMillis(100)); // the client retries quickly
        continue;
      }
      throttle.failed(address);
    }
    assertThat(refused).isGreaterThan(950);
  }

  @Test
  @DisplayName("the longest wait of account and address applies; other keys are not affected")
  void severalKeys() {
    String account = LoginThrottle.accountKey("bob");
    String address = LoginThrottle.addressKey("198.51.100.1");
    for (int i = 0; i < 3; i++) {
      throttle.failed(account, address);
    }
    assertThat(throttle.waitTime(account, LoginThrottle.addressKey("198.51.100.2"))).isEqualTo(Duration.ofSeconds(10));
    assertThat(throttle.waitTime(LoginThrottle.accountKey("carol"), LoginThrottle.addressKey("198.51.100.2"))).isZero();
    throttle.reset(account);
    assertThat(throttle.waitTime(account)).isZero();
    assertThat(throttle.waitTime(address)).isPositive();
  }

  @Test
  @DisplayName("many distinct keys never hold more than maxKeys buckets")
  void boundedMemory() {
    for (int i = 0; i < 10_000; i++) {
      throttle.failed(LoginThrottle.addressKey("10.0." + (i / 256) + "." + (i % 256)));
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(100);
  }

  @Test
  @DisplayName("fully refilled buckets are dropped first, so a recent attacker's bucket survives churn")
  void refilledGoFirst() {
    String attacker = LoginThrottle.addressKey("192.0.2.66");
    for (int i = 0; i < 99; i++) {
      throttle.failed(LoginThrottle.addressKey("10.1.0." + i));
    }
    advance(Duration.ofSeconds(60)); // every bucket so far has refilled
    for (int i = 0; i < 3; i++) {
      throttle.failed(attacker);
    }
    for (int i = 0; i < 50; i++) {
      throttle.failed(LoginThrottle.addressKey("10.2.0." + i));
    }
    assertThat(throttle.waitTime(attacker)).isPositive();
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }
}
