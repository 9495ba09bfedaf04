package org.iotplatform.flink.enrichment;

import java.util.List;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.Telemetry;

/**
 * Validated telemetry stamped with what the registry knows of its device.
 *
 * @param deviceId the device
 * @param tenantId the tenant owning the device: the registry's when the device is known, else the
 *     record's {@code tenant-id} header
 * @param deviceType the device type's name, or {@link InfluxSchema#UNKNOWN_DEVICE_TYPE} when no
 *     snapshot of the device has been seen
 * @param labels the device's labels sorted by key; empty when the device is unknown
 * @param timestamp when the reading was taken, epoch milliseconds
 * @param metrics at least one metric, names unique
 */
public record EnrichedTelemetry(
    String deviceId,
    String tenantId,
    String deviceType,
    List<Label> labels,
    long timestamp,
    List<Metric> metrics) {

  public EnrichedTelemetry {
    labels = List.copyOf(labels);
    metrics = List.copyOf(metrics);
  }

  /** This reading with only {@code kept} of its metrics, at least one. */
  public EnrichedTelemetry withMetrics(List<Metric> kept) {
    return new EnrichedTelemetry(deviceId, tenantId, deviceType, labels, timestamp, kept);
  }

  /** {@code telemetry} stamped with {@code device}. */
  public static EnrichedTelemetry of(Telemetry telemetry, DeviceInfo device) {
    return new EnrichedTelemetry(
        telemetry.deviceId(),
        device.tenantId(),
        device.type(),
        device.labels(),
        telemetry.timestamp(),
        telemetry.metrics());
  }

  /** {@code telemetry} of a device the registry has not (yet) announced. */
  public static EnrichedTelemetry ofUnknownDevice(Telemetry telemetry) {
    return new EnrichedTelemetry(
        telemetry.deviceId(),
        telemetry.tenantId(),
        InfluxSchema.UNKNOWN_DEVICE_TYPE,
        List.of(),
        telemetry.timestamp(),
        telemetry.metrics());
  }
}
