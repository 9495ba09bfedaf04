package org.iotplatform.flink.telemetry;

import java.util.List;

/**
 * A validated telemetry message of one device.
 *
 * @param deviceId the device, a valid {@link org.iotplatform.contracts.DeviceTopic#DEVICE_ID}
 * @param tenantId the tenant owning the device
 * @param timestamp when the reading was taken (the device's {@code ts}, else the broker's receive
 *     time), epoch milliseconds
 * @param metrics at least one metric, names unique
 * @param record the record it was read from, so that a later check can still dead-letter the
 *     original
 */
public record Telemetry(
    String deviceId,
    String tenantId,
    long timestamp,
    List<Metric> metrics,
    TelemetryRecord record) {

  public Telemetry {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("telemetry without metrics");
    }
  }
}
