package org.iotplatform.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotplatform.flink.alerting.AlertTransition.Kind;
import org.junit.jupiter.api.Test;

class ThresholdEvaluatorTest {

  private static final long T0 = 1_795_400_000_000L;
  private static final long SECOND = 1_000;

  private final AlertState state = new AlertState();

  @Test
  void firesOnceAfterThreeConsecutiveBreachesAndStaysActive() {
    ThresholdCondition hot =
        new ThresholdCondition("t", ThresholdOperator.GT, 30, 0, 3, Duration.ZERO, 0);

    List<Kind> transitions = feed(hot, Duration.ZERO, 31, 32, 33, 34, 35);

    assertThat(transitions).containsExactly(Kind.FIRED);
    assertThat(state.active).isTrue();
  }

  @Test
  void aReadingThatDoesNotBreachEndsTheStreak() {
    ThresholdCondition hot =
        new ThresholdCondition("t", ThresholdOperator.GT, 30, 0, 3, Duration.ZERO, 0);

    assertThat(feed(hot, Duration.ZERO, 31, 32, 29, 31, 32)).isEmpty();
    assertThat(feed(hot, Duration.ZERO, 33)).containsExactly(Kind.FIRED);
  }

  @Test
  void resolvesOnlyOnceTheValueLeavesTheHysteresisBand() {
    ThresholdCondition hot =
        new ThresholdCondition("t", ThresholdOperator.GT, 30, 0, 1, Duration.ZERO, 2);

    assertThat(feed(hot, Duration.ZERO, 31, 29.5, 28.5, 31)).containsExactly(Kind.FIRED);
    assertThat(feed(hot, Duration.ZERO, 28)).containsExactly(Kind.RESOLVED);
  }

  @Test
  void firesOnlyWhenTheBreachHasLastedItsDuration() {
    ThresholdCondition hot =
        new ThresholdCondition("t", ThresholdOperator.GE, 30, 0, 1, Duration.ofSeconds(60), 0);

    assertThat(at(hot, Duration.ZERO, T0, 30)).isEmpty();
    assertThat(at(hot, Duration.ZERO, T0 + 59 * SECOND, 31)).isEmpty();
    assertThat(at(hot, Duration.ZERO, T0 + 60 * SECOND, 31)).contains(Kind.FIRED);
  }

  @Test
  void theCooldownHoldsBackARefireUntilItHasPassed() {
    ThresholdCondition cold = ThresholdCondition.of("t", ThresholdOperator.LT, 5);
    Duration cooldown = Duration.ofMinutes(5);

    assertThat(at(cold, cooldown, T0, 4)).contains(Kind.FIRED);
    assertThat(at(cold, cooldown, T0 + 10 * SECOND, 6)).contains(Kind.RESOLVED);
    assertThat(at(cold, cooldown, T0 + 20 * SECOND, 4)).isEmpty();
    assertThat(at(cold, cooldown, T0 + 299 * SECOND, 3)).isEmpty();
    assertThat(at(cold, cooldown, T0 + 300 * SECOND, 3)).contains(Kind.FIRED);
  }

  @Test
  void aLateReadingNeitherBreaksNorExtendsAStreak() {
    ThresholdCondition hot =
        new ThresholdCondition("t", ThresholdOperator.GT, 30, 0, 2, Duration.ZERO, 0);

    assertThat(at(hot, Duration.ZERO, T0 + 10 * SECOND, 31)).isEmpty();
    assertThat(at(hot, Duration.ZERO, T0 + 5 * SECOND, 20)).isEmpty();
    assertThat(at(hot, Duration.ZERO, T0 + 4 * SECOND, 40)).isEmpty();
    assertThat(at(hot, Duration.ZERO, T0 + 11 * SECOND, 31)).contains(Kind.FIRED);
  }

  @Test
  void nonFiniteValuesAreIgnored() {
    ThresholdCondition hot = ThresholdCondition.of("t", ThresholdOperator.GT, 30);

    assertThat(feed(hot, Duration.ZERO, Double.NaN, Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(state.lastSeenAt).isEqualTo(AlertState.NONE);
  }

  @Test
  void rangesFireInsideOrOutsideTheirBounds() {
    ThresholdCondition inside =
        new ThresholdCondition("t", ThresholdOperator.BETWEEN, 10, 20, 1, Duration.ZERO, 1);
    ThresholdCondition outside =
        new ThresholdCondition("t", ThresholdOperator.OUTSIDE, 10, 20, 1, Duration.ZERO, 1);

    assertThat(inside.breaches(10)).isTrue();
    assertThat(inside.breaches(20.5)).isFalse();
    assertThat(inside.clears(20.5)).isFalse();
    assertThat(inside.clears(21.5)).isTrue();
    assertThat(outside.breaches(9.9)).isTrue();
    assertThat(outside.breaches(15)).isFalse();
    assertThat(outside.clears(10.5)).isFalse();
    assertThat(outside.clears(11)).isTrue();
  }

  private List<Kind> feed(ThresholdCondition condition, Duration cooldown, double... values) {
    List<Kind> kinds = new ArrayList<>();
    long base = state.lastSeenAt == AlertState.NONE ? T0 : state.lastSeenAt + SECOND;
    for (int i = 0; i < values.length; i++) {
      at(condition, cooldown, base + i * SECOND, values[i]).ifPresent(kinds::add);
    }
    return kinds;
  }

  private Optional<Kind> at(
      ThresholdCondition condition, Duration cooldown, long timestamp, double value) {
    return ThresholdEvaluator.onReading(state, condition, cooldown, timestamp, value)
        .map(AlertTransition::kind);
  }
}
