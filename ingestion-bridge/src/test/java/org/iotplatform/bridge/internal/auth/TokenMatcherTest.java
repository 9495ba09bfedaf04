package org.iotplatform.bridge.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class TokenMatcherTest {

  private final AtomicInteger slowCalls = new AtomicInteger();
  private final TokenMatcher underTest =
      new TokenMatcher(
          100,
          Duration.ofHours(1),
          (token, hash) -> {
            slowCalls.incrementAndGet();
            return hash.equals("hash-of-" + token);
          });

  @Test
  void verifiesASuccessfulTokenOnlyOnce() {
    assertThat(underTest.matches("d-1", "secret", "hash-of-secret")).isTrue();
    assertThat(underTest.matches("d-1", "secret", "hash-of-secret")).isTrue();

    assertThat(slowCalls).hasValue(1);
  }

  @Test
  void neverAnswersAFailureFromMemory() {
    assertThat(underTest.matches("d-1", "guess", "hash-of-secret")).isFalse();
    assertThat(underTest.matches("d-1", "guess", "hash-of-secret")).isFalse();

    assertThat(slowCalls).hasValue(2);
  }

  @Test
  void aCachedSuccessDoesNotMatchAnotherHashOrDevice() {
    underTest.matches("d-1", "secret", "hash-of-secret");

    assertThat(underTest.matches("d-1", "secret", "rotated-hash")).isFalse();
    assertThat(underTest.matches("d-2", "secret", "hash-of-secret")).isTrue();
    assertThat(slowCalls).hasValue(3);
  }

  @Test
  void verifiesTheRegistrysArgon2Hashes() {
    String hash = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("token-1");
    TokenMatcher argon2 = TokenMatcher.argon2(10, Duration.ofMinutes(1));

    assertThat(argon2.matches("d-1", "token-1", hash)).isTrue();
    assertThat(argon2.matches("d-1", "token-2", hash)).isFalse();
  }
}
