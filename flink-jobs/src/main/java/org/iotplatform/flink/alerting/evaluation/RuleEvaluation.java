package org.iotplatform.flink.alerting.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.flink.alerting.AlertState;
import org.iotplatform.flink.alerting.ThresholdEvaluator;
import org.iotplatform.flink.alerting.rules.CompiledRule;
import org.iotplatform.flink.alerting.rules.Leaf;
import org.jspecify.annotations.Nullable;

/**
 * The state machine of one threshold, rate or composite rule for one device, as pure logic on its
 * {@link RuleDeviceState}.
 *
 * <p>Each leaf runs {@link ThresholdEvaluator} on its own metric without cooldown: it holds once
 * its streak (consecutive readings, sustained duration) is complete, and stops holding past its
 * hysteresis; a reading older than the leaf's latest is ignored, so late readings neither fire nor
 * break streaks. A rate leaf compares the change per second between a reading and the previous
 * reading of its metric. The rule's condition holds when its leaves combine to true (ALL/ANY, each
 * leaf on its latest state); the alert FIRES when the condition starts holding and the cooldown
 * since the last resolution has passed (else with the first reading after it while it still holds)
 * and RESOLVES when it stops holding.
 */
public final class RuleEvaluation {

  private RuleEvaluation() {}

  /**
   * Takes one message's numbers into {@code state}; the alert's change, if any.
   *
   * @param timestamp the message's event time, epoch milliseconds
   * @param numbers the message's numeric metrics by name
   */
  public static @Nullable Outcome onReading(
      CompiledRule rule, RuleDeviceState state, long timestamp, Map<String, Double> numbers) {
    List<Leaf> leaves = rule.leaves();
    while (state.leaves.size() < leaves.size()) {
      state.leaves.add(new LeafState());
    }
    String cause = null;
    double causeValue = 0;
    for (int i = 0; i < leaves.size(); i++) {
      Leaf leaf = leaves.get(i);
      Double value = numbers.get(leaf.metric());
      if (value == null) {
        continue;
      }
      LeafState leafState = state.leaves.get(i);
      Double compared = leaf.rate() ? rate(leafState, timestamp, value) : value;
      if (compared == null) {
        continue;
      }
      ThresholdEvaluator.onReading(
          leafState.threshold, leaf.threshold(), Duration.ZERO, timestamp, compared);
      // The evaluator moves lastSeenAt to the reading's time exactly when it takes the reading.
      if (leafState.threshold.lastSeenAt == timestamp) {
        cause = leaf.metric();
        causeValue = compared;
      }
    }
    if (cause == null) {
      return null;
    }
    boolean holds = rule.holds(holding(state));
    if (!state.active && holds && state.cooledAt(timestamp, rule.snapshot().cooldownMillis())) {
      state.active = true;
      state.firedAt = timestamp;
      return new Outcome(
          AlertEvent.FIRED, timestamp, cause, causeValue, firedReason(rule, cause, causeValue));
    }
    if (state.active && !holds) {
      state.active = false;
      state.resolvedAt = timestamp;
      return new Outcome(
          AlertEvent.RESOLVED,
          timestamp,
          cause,
          causeValue,
          resolvedReason(rule, cause, causeValue));
    }
    return null;
  }

  /**
   * The change per second since the previous reading of the metric, or null for the first reading
   * and for one not after the previous (a late reading must not move the baseline back).
   */
  private static @Nullable Double rate(LeafState state, long timestamp, double value) {
    if (state.previousAt != AlertState.NONE && timestamp <= state.previousAt) {
      return null;
    }
    Double rate =
        state.previousAt == AlertState.NONE
            ? null
            : (value - state.previousValue) * 1000.0 / (timestamp - state.previousAt);
    state.previousAt = timestamp;
    state.previousValue = value;
    return rate;
  }

  private static boolean[] holding(RuleDeviceState state) {
    boolean[] holds = new boolean[state.leaves.size()];
    for (int i = 0; i < holds.length; i++) {
      holds[i] = state.leaves.get(i).threshold.active;
    }
    return holds;
  }

  private static String firedReason(CompiledRule rule, String metric, double value) {
    if (!rule.isSingleLeaf()) {
      return rule.describe() + " holds: " + metric + " " + value;
    }
    Leaf leaf = rule.leaves().get(0);
    StringBuilder reason = new StringBuilder(reading(leaf, value)).append(' ');
    reason.append(leaf.comparison());
    int consecutive = leaf.threshold().consecutive();
    if (consecutive > 1) {
      reason.append(" for ").append(consecutive).append(" readings");
    }
    if (!leaf.threshold().sustainFor().isZero()) {
      reason
          .append(consecutive > 1 ? " over " : " for ")
          .append(Durations.describe(leaf.threshold().sustainFor().toMillis()));
    }
    return reason.toString();
  }

  private static String resolvedReason(CompiledRule rule, String metric, double value) {
    if (!rule.isSingleLeaf()) {
      return rule.describe() + " no longer holds: " + metric + " " + value;
    }
    Leaf leaf = rule.leaves().get(0);
    return reading(leaf, value) + " no longer " + leaf.comparison();
  }

  /** {@code temperature 41.2} or {@code rate of temperature 2.5/s}. */
  private static String reading(Leaf leaf, double value) {
    return leaf.rate()
        ? "rate of " + leaf.metric() + " " + value + "/s"
        : leaf.metric() + " " + value;
  }
}
