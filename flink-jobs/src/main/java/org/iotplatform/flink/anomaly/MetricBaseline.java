package org.iotplatform.flink.anomaly;

/**
 * One metric's baseline: an exponentially weighted mean and variance (state; Flink serializes it as
 * a POJO).
 *
 * @param name the metric
 * @param count readings taken in so far
 * @param mean the weighted mean
 * @param variance the weighted variance
 */
public record MetricBaseline(String name, long count, double mean, double variance) {

  // A constant signal has no variance; its standard deviation is taken as at least this fraction
  // of its level (plus a tiny absolute floor for a signal at zero), so one small step off a flat
  // line scores high but not infinitely.
  static final double MIN_RELATIVE_DEVIATION = 1e-3;
  static final double MIN_ABSOLUTE_DEVIATION = 1e-6;

  /** The baseline after the first reading. */
  static MetricBaseline first(String name, double value) {
    return new MetricBaseline(name, 1, value, 0);
  }

  /**
   * The baseline after {@code value}. Until {@code 1/count} falls below {@code alpha} the weight is
   * {@code 1/count}, a plain mean and variance, so the first readings do not weigh more than the
   * later ones.
   */
  MetricBaseline update(double value, double alpha) {
    long n = count + 1;
    double weight = Math.max(alpha, 1.0 / n);
    double diff = value - mean;
    double increment = weight * diff;
    return new MetricBaseline(
        name, n, mean + increment, (1 - weight) * (variance + diff * increment));
  }

  /** How many standard deviations {@code value} lies above (positive) or below the mean. */
  double deviation(double value) {
    double floor = Math.max(MIN_ABSOLUTE_DEVIATION, MIN_RELATIVE_DEVIATION * Math.abs(mean));
    return (value - mean) / Math.max(Math.sqrt(variance), floor);
  }
}
