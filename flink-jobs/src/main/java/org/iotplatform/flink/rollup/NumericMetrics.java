package org.iotplatform.flink.rollup;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.telemetry.Metric;

/**
 * Splits a reading into one {@link MetricValue} per numeric metric. Booleans and strings have no
 * min, max or mean, so they are not rolled up; their raw points stay queryable.
 */
final class NumericMetrics implements FlatMapFunction<EnrichedTelemetry, MetricValue> {

  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(EnrichedTelemetry telemetry, Collector<MetricValue> out) {
    for (Metric metric : telemetry.metrics()) {
      Double number = metric.numberValue();
      if (number != null) {
        out.collect(
            new MetricValue(
                new RollupKey(
                    telemetry.deviceId(),
                    telemetry.tenantId(),
                    telemetry.deviceType(),
                    metric.name()),
                telemetry.timestamp(),
                number));
      }
    }
  }
}
