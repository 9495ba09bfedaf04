package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff underTest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);

  @Test
  void doublesWithEachFailedAttemptWithoutJitter() {
    assertThat(underTest.after(1, () -> 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(underTest.after(2, () -> 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(underTest.after(3, () -> 0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(underTest.after(6, () -> 0)).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void neverWaitsLongerThanTheMaximum() {
    assertThat(underTest.after(7, () -> 0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(underTest.after(1_000, () -> 0)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jitterShortensTheWaitByUpToItsFraction() {
    assertThat(underTest.after(3, () -> 0.5)).isEqualTo(Duration.ofMillis(3600));
    assertThat(underTest.after(3, () -> 0.999_999)).isGreaterThan(Duration.ofMillis(3199));
  }
}
