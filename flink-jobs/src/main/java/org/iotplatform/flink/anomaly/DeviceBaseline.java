package org.iotplatform.flink.anomaly;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The baselines of one device's numeric metrics, at most {@link AnomalyOptions#maxMetrics()} of
 * them (state; Flink serializes it as a POJO).
 *
 * @param metrics one baseline per metric name
 */
public record DeviceBaseline(List<MetricBaseline> metrics) {

  public DeviceBaseline {
    metrics = List.copyOf(metrics);
  }

  static DeviceBaseline empty() {
    return new DeviceBaseline(List.of());
  }

  @Nullable MetricBaseline find(String name) {
    for (MetricBaseline metric : metrics) {
      if (metric.name().equals(name)) {
        return metric;
      }
    }
    return null;
  }

  /** This baseline with {@code metric} replacing the one of the same name, or added. */
  DeviceBaseline with(MetricBaseline metric) {
    List<MetricBaseline> updated = new ArrayList<>(metrics.size() + 1);
    boolean replaced = false;
    for (MetricBaseline existing : metrics) {
      if (existing.name().equals(metric.name())) {
        updated.add(metric);
        replaced = true;
      } else {
        updated.add(existing);
      }
    }
    if (!replaced) {
      updated.add(metric);
    }
    return new DeviceBaseline(updated);
  }
}
