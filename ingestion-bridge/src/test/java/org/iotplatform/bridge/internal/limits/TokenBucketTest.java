package org.iotplatform.bridge.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long T0 = 1_000_000_000L;
  private static final long ONE_SECOND = 1_000_000_000L;

  private final TokenBucket underTest = new TokenBucket(10, 5, T0);

  @Test
  void letsABurstThroughThenRefuses() {
    assertThat(IntStream.range(0, 5).allMatch(i -> underTest.tryTake(T0))).isTrue();

    assertThat(underTest.tryTake(T0)).isFalse();
  }

  @Test
  void refillsAtTheSustainedRate() {
    IntStream.range(0, 5).forEach(i -> underTest.tryTake(T0));

    long tenthOfASecondLater = T0 + ONE_SECOND / 10;
    assertThat(underTest.tryTake(tenthOfASecondLater)).isTrue();
    assertThat(underTest.tryTake(tenthOfASecondLater)).isFalse();
  }

  @Test
  void neverHoldsMoreThanItsBurstAfterALongPause() {
    long anHourLater = T0 + 3600 * ONE_SECOND;

    long taken = IntStream.range(0, 100).filter(i -> underTest.tryTake(anHourLater)).count();

    assertThat(taken).isEqualTo(5);
  }
}
