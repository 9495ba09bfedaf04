package org.iotplatform.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class TokensTest {

  @Test
  void hashesAndVerifiesATokenWithArgon2id() {
    Tokens underTest = new Tokens();
    String token = underTest.generate();

    String hash = underTest.hash(token);

    assertThat(token).hasSize(43);
    assertThat(hash).startsWith("$argon2id$");
    assertThat(underTest.matches(token, hash)).isTrue();
    assertThat(underTest.matches(underTest.generate(), hash)).isFalse();
  }

  @Test
  void runsAtMostTheBoundOfMemoryHungryHashesAtOnce() throws Exception {
    CountingEncoder encoder = new CountingEncoder();
    Tokens underTest = new Tokens(encoder, 2);
    ExecutorService requests = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> hashes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        hashes.add(requests.submit(() -> underTest.hash("token")));
      }
      // Two hashes are running, the six others wait; let them all finish one by one.
      assertThat(encoder.twoRunning.await(10, TimeUnit.SECONDS)).isTrue();
      encoder.release.countDown();
      for (Future<String> hash : hashes) {
        assertThat(hash.get(10, TimeUnit.SECONDS)).isEqualTo("hashed");
      }
    } finally {
      requests.shutdownNow();
    }
    assertThat(encoder.mostAtOnce.get()).isEqualTo(2);
  }

  /** Holds every hash until released, and remembers how many ran at the same time. */
  private static final class CountingEncoder implements PasswordEncoder {

    final CountDownLatch twoRunning = new CountDownLatch(2);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      twoRunning.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      return "hashed";
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      return false;
    }
  }
}
