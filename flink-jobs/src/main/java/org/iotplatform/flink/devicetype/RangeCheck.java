package org.iotplatform.flink.devicetype;

import java.util.ArrayList;
import java.util.List;
import org.iotplatform.flink.telemetry.Metric;

/** Splits the metrics of a reading into those within their device type's ranges and the rest. */
final class RangeCheck {

  private RangeCheck() {}

  /**
   * The outcome of a check.
   *
   * @param kept the metrics that pass: booleans, strings, unbounded and in-range numbers, in order
   * @param violations one description per number out of range, e.g. {@code temperature=120.0 not in
   *     [-40.0, 85.0]}
   */
  record Result(List<Metric> kept, List<String> violations) {}

  static Result check(List<Metric> metrics, DeviceTypeInfo type) {
    List<Metric> kept = new ArrayList<>(metrics.size());
    List<String> violations = new ArrayList<>(0);
    for (Metric metric : metrics) {
      Double number = metric.numberValue();
      MetricBounds bounds = number == null ? null : type.bounds(metric.name());
      if (bounds == null || bounds.contains(number)) {
        kept.add(metric);
      } else {
        violations.add(metric.name() + "=" + number + " not in " + bounds.describe());
      }
    }
    return new Result(kept, violations);
  }
}
