package org.iotplatform.flink.alerting.rules;

import java.time.Duration;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.flink.alerting.ThresholdCondition;
import org.iotplatform.flink.alerting.ThresholdOperator;

/**
 * One threshold or rate of a rule's condition tree.
 *
 * @param metric the metric it watches
 * @param rate whether it compares the metric's rate of change per second rather than its value
 * @param threshold the comparison, streak and hysteresis
 */
public record Leaf(String metric, boolean rate, ThresholdCondition threshold) {

  /** The leaf of a well-formed THRESHOLD or RATE condition; throws if it cannot be evaluated. */
  static Leaf of(Condition condition) {
    ThresholdOperator operator = ThresholdOperator.valueOf(condition.operator());
    Double upper = condition.upper();
    ThresholdCondition threshold =
        new ThresholdCondition(
            condition.metric(),
            operator,
            condition.value(),
            upper == null ? 0 : upper,
            condition.consecutive(),
            Duration.ofMillis(condition.sustainForMillis()),
            condition.hysteresis());
    return new Leaf(condition.metric(), Condition.RATE.equals(condition.type()), threshold);
  }

  /**
   * The comparison for people: {@code temperature > 40.0}, {@code rate of t between 1.0 and 2.0}.
   */
  public String describe() {
    return subject() + " " + comparison();
  }

  /** What is compared: the metric, or its rate. */
  public String subject() {
    return rate ? "rate of " + metric : metric;
  }

  /** The operator and bound(s): {@code > 40.0}. */
  public String comparison() {
    String unit = rate ? "/s" : "";
    return switch (threshold.operator()) {
      case GT -> "> " + threshold.bound() + unit;
      case GE -> ">= " + threshold.bound() + unit;
      case LT -> "< " + threshold.bound() + unit;
      case LE -> "<= " + threshold.bound() + unit;
      case EQ -> "== " + threshold.bound() + unit;
      case NE -> "!= " + threshold.bound() + unit;
      case BETWEEN -> "between " + threshold.bound() + unit + " and " + threshold.upper() + unit;
      case OUTSIDE -> "outside " + threshold.bound() + unit + " and " + threshold.upper() + unit;
    };
  }
}
