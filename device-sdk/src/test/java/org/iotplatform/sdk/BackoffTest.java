package org.iotplatform.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff underTest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  @Test
  void ceilingDoublesPerAttemptUpToTheCap() {
    assertThat(underTest.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(underTest.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(underTest.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(underTest.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(underTest.ceiling(1_000)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void fullJitterSpreadsDelaysEvenlyBetweenZeroAndTheCeiling() {
    Random random = new Random(42);
    int samples = 20_000;
    int[] tenths = new int[10];
    for (int i = 0; i < samples; i++) {
      Duration delay = underTest.delay(3, random);
      assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(8));
      tenths[(int) Math.min(9, delay.toNanos() / 800_000_000L)]++;
    }
    // Uniform: each tenth of [0, 8 s] holds about 2,000 of the 20,000 delays.
    for (int count : tenths) {
      assertThat(count).isBetween(1_700, 2_300);
    }
  }

  @Test
  void refusesACapBelowTheInitialDelay() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("below the initial delay");
  }
}
