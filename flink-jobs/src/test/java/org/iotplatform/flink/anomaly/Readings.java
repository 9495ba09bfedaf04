package org.iotplatform.flink.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.Telemetry;
import org.iotplatform.flink.telemetry.TelemetryRecords;

/** Readings for the anomaly tests: noisy steady signals with seeded noise. */
final class Readings {

  private Readings() {}

  static Telemetry reading(String deviceId, long ts, Metric... metrics) {
    return new Telemetry(
        deviceId,
        TelemetryRecords.TENANT,
        ts,
        List.of(metrics),
        TelemetryRecords.of(deviceId, "{}"));
  }

  /** {@code count} readings of temperature around 20 and humidity around 60, sigma 1 and 2. */
  static List<Telemetry> steady(String deviceId, int count, long seed) {
    Random random = new Random(seed);
    List<Telemetry> readings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      readings.add(
          reading(
              deviceId,
              i,
              Metric.number("temperature", 20 + random.nextGaussian()),
              Metric.number("humidity", 60 + 2 * random.nextGaussian())));
    }
    return readings;
  }
}
