package org.iotplatform.flink.alerting;

import java.time.Duration;

/**
 * A threshold on one metric that must hold for a number of consecutive readings and for a while
 * before an alert fires.
 *
 * @param metric the metric name
 * @param operator the comparison
 * @param bound the threshold, or the lower bound of a range
 * @param upper the upper bound of a range ({@link ThresholdOperator#isRange()}); 0 otherwise
 * @param consecutive how many breaching readings in a row fire the alert, at least 1
 * @param sustainFor how long the breach must have lasted (from its first reading), zero for none
 * @param hysteresis how far a value must move back past the threshold to resolve the alert, at
 *     least 0 (in the metric's unit)
 */
public record ThresholdCondition(
    String metric,
    ThresholdOperator operator,
    double bound,
    double upper,
    int consecutive,
    Duration sustainFor,
    double hysteresis) {

  public ThresholdCondition {
    if (!Double.isFinite(bound) || !Double.isFinite(upper) || !Double.isFinite(hysteresis)) {
      throw new IllegalArgumentException("bounds and hysteresis must be finite numbers");
    }
    if (operator.isRange() && upper < bound) {
      throw new IllegalArgumentException(
          operator + " needs a lower bound at most its upper bound: " + bound + " > " + upper);
    }
    if (consecutive < 1) {
      throw new IllegalArgumentException("consecutive must be at least 1, not " + consecutive);
    }
    if (sustainFor.isNegative() || hysteresis < 0) {
      throw new IllegalArgumentException("sustainFor and hysteresis must not be negative");
    }
    if (operator == ThresholdOperator.NE && hysteresis > 0) {
      throw new IllegalArgumentException("!= has no hysteresis");
    }
  }

  /** A one-bound threshold that fires on the first breaching reading. */
  public static ThresholdCondition of(String metric, ThresholdOperator operator, double bound) {
    return new ThresholdCondition(metric, operator, bound, 0, 1, Duration.ZERO, 0);
  }

  /** Whether {@code value} breaches the threshold. */
  public boolean breaches(double value) {
    return operator.breaches(value, bound, upper, 0);
  }

  /**
   * Whether {@code value} ends an active alert: outside the breach region widened by hysteresis.
   */
  public boolean clears(double value) {
    return !operator.breaches(value, bound, upper, hysteresis);
  }
}
