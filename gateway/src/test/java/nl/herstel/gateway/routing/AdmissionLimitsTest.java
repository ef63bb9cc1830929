package nl.herstel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionLimitsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aBucketAdmitsItsBurstThenRefusesWithTheWait() {
    RateLimiter limiter = new RateLimiter(10, 3, now::get);
    assertThat(limiter.take("a")).isZero();
    assertThat(limiter.take("a")).isZero();
    assertThat(limiter.take("a")).isZero();
    Duration wait = limiter.take("a");
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
    assertThat(limiter.take("b")).as("another key has its own bucket").isZero();
  }

  @Test
  void aBucketRefillsAtItsRate() {
    RateLimiter limiter = new RateLimiter(10, 1, now::get);
    assertThat(limiter.take("a")).isZero();
    assertThat(limiter.take("a")).isPositive();
    now.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(limiter.take("a")).isZero();
  }

  @Test
  void idleKeysAreForgotten() {
    RateLimiter limiter = new RateLimiter(1000, 1, now::get);
    for (int i = 0; i < 5000; i++) {
      limiter.take("key-" + i);
      now.addAndGet(Duration.ofMillis(5).toNanos());
    }
    assertThat(limiter.size()).isLessThan(5000);
  }

  @Test
  void aClientIsLockedOutAfterTooManyRefusedKeysInTheWindow() {
    KeyLockout lockout = new KeyLockout(3, Duration.ofMinutes(1), Duration.ofMinutes(5), now::get);
    lockout.refused("10.0.0.1");
    lockout.refused("10.0.0.1");
    assertThat(lockout.remaining("10.0.0.1")).isZero();
    lockout.refused("10.0.0.1");
    assertThat(lockout.remaining("10.0.0.1")).isEqualTo(Duration.ofMinutes(5));
    assertThat(lockout.remaining("10.0.0.2")).isZero();
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(lockout.remaining("10.0.0.1")).isZero();
  }

  @Test
  void refusalsOutsideTheWindowDoNotAddUp() {
    KeyLockout lockout = new KeyLockout(3, Duration.ofMinutes(1), Duration.ofMinutes(5), now::get);
    lockout.refused("c");
    lockout.refused("c");
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    lockout.refused("c");
    assertThat(lockout.remaining("c")).isZero();
  }

  @Test
  void illegalUriCharactersAreEncodedAndValidEscapesKept() {
    assertThat(Incoming.encodeIllegal("/api/bia/processes/a{b}|c^<d>[e]"))
        .isEqualTo("/api/bia/processes/a%7Bb%7D%7Cc%5E%3Cd%3E%5Be%5D");
    assertThat(Incoming.encodeIllegal("/x/%7Bok%7D/100%/é")).isEqualTo("/x/%7Bok%7D/100%25/%C3%A9");
    assertThat(Incoming.encodeIllegal("a=1&b=%00")).isEqualTo("a=1&b=%00");
  }

  @Test
  void aLocationNamingTheServiceBecomesAGatewayUrl() {
    Incoming incoming = new Incoming("http", "herstel.example:8080", "/api/bia/assets", null, "1");
    assertThat(
            Proxy.publicLocation(
                "http://127.0.0.1:8081/api/bia/assets/42",
                java.net.URI.create("http://127.0.0.1:8081"),
                incoming))
        .isEqualTo("http://herstel.example:8080/api/bia/assets/42");
    assertThat(
            Proxy.publicLocation(
                "http://herstel.example:8080/api/bia/assets/42",
                java.net.URI.create("http://127.0.0.1:8081"),
                incoming))
        .isEqualTo("http://herstel.example:8080/api/bia/assets/42");
  }
}
