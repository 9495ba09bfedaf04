package org.iotplatform.flink.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.flink.telemetry.Metric;
import org.jspecify.annotations.Nullable;

/**
 * Scores one reading's numeric metrics against the device's exponentially weighted baselines, then
 * updates them: each value is scored before it moves its own baseline, so a spike is measured
 * against what came before it. A metric is scored once its baseline has seen {@link
 * AnomalyOptions#warmUp()} readings.
 */
final class EwmaScorer {

  // Deviations handed to the forest are clipped: one absurd value would otherwise stretch the
  // forest's bounding boxes until everything else looks alike.
  static final double MAX_DEVIATION = 100;

  private final AnomalyOptions options;

  EwmaScorer(AnomalyOptions options) {
    this.options = options;
  }

  /**
   * The outcome for one reading.
   *
   * @param maxZScore the largest absolute z-score among the scored metrics; null when none was
   *     scored yet (warm-up, or no numeric metric)
   * @param deviations each scored metric's signed z-score, clipped to ±{@link #MAX_DEVIATION}
   * @param baseline the device's baselines after the reading
   */
  record Result(
      @Nullable Double maxZScore, Map<String, Double> deviations, DeviceBaseline baseline) {}

  Result score(DeviceBaseline baseline, List<Metric> metrics) {
    Double maxZScore = null;
    Map<String, Double> deviations = new LinkedHashMap<>();
    DeviceBaseline updated = baseline;
    for (Metric metric : metrics) {
      Double value = metric.numberValue();
      if (value == null) {
        continue;
      }
      MetricBaseline current = updated.find(metric.name());
      if (current == null) {
        if (updated.metrics().size() < options.maxMetrics()) {
          updated = updated.with(MetricBaseline.first(metric.name(), value));
        }
        continue;
      }
      if (current.count() >= options.warmUp()) {
        double deviation = current.deviation(value);
        double z = Math.abs(deviation);
        maxZScore = maxZScore == null ? z : Math.max(maxZScore, z);
        deviations.put(metric.name(), Math.max(-MAX_DEVIATION, Math.min(MAX_DEVIATION, deviation)));
      }
      updated = updated.with(current.update(value, options.alpha()));
    }
    return new Result(maxZScore, deviations, updated);
  }
}
