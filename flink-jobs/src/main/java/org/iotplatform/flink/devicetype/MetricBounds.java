package org.iotplatform.flink.devicetype;

import org.jspecify.annotations.Nullable;

/**
 * The valid range of one metric of a device type, both bounds inclusive.
 *
 * @param metric the metric name
 * @param min the smallest valid value, or null for none
 * @param max the largest valid value, or null for none
 */
public record MetricBounds(String metric, @Nullable Double min, @Nullable Double max) {

  /** Whether {@code value} lies within the bounds. */
  public boolean contains(double value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }

  /** The range as people write it, for example {@code [-40.0, 85.0]} or {@code [0.0, ∞)}. */
  public String describe() {
    return (min == null ? "(-∞" : "[" + min) + ", " + (max == null ? "∞)" : max + "]");
  }
}
