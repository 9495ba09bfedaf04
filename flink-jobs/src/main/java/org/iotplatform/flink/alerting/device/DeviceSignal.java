package org.iotplatform.flink.alerting.device;

import java.util.List;
import org.iotplatform.flink.enrichment.DeviceInfo;
import org.iotplatform.flink.enrichment.DeviceUpdate;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.Telemetry;
import org.jspecify.annotations.Nullable;

/**
 * One thing the evaluator learns about a device: a message from it (with the numbers it carried,
 * possibly none) or a registry snapshot or tombstone. One type, so that all of a device's signals
 * meet in one keyed operator in the order they arrive.
 *
 * @param deviceId the device
 * @param kind what the signal is
 * @param tenantId for a message, the tenant of its {@code tenant-id} header (used while the
 *     registry snapshot is unknown); empty otherwise
 * @param timestamp for a message, its event time (the reading's {@code ts}, or the broker's receive
 *     time), epoch milliseconds; 0 otherwise
 * @param metrics for a message, its metrics; empty otherwise
 * @param device for a snapshot, the device's registry state; null otherwise
 */
public record DeviceSignal(
    String deviceId,
    Kind kind,
    String tenantId,
    long timestamp,
    List<Metric> metrics,
    @Nullable DeviceInfo device) {

  public enum Kind {
    /** Telemetry, an anomaly score, a heartbeat or a connection event: the device is alive. */
    MESSAGE,
    /** The registry's snapshot of the device. */
    SNAPSHOT,
    /** The device was deleted from the registry. */
    TOMBSTONE
  }

  public DeviceSignal {
    metrics = List.copyOf(metrics);
  }

  /** A message of the device carrying these metrics. */
  public static DeviceSignal message(
      String deviceId, String tenantId, long timestamp, List<Metric> metrics) {
    return new DeviceSignal(deviceId, Kind.MESSAGE, tenantId, timestamp, metrics, null);
  }

  /** A validated telemetry reading (or anomaly score). */
  public static DeviceSignal of(Telemetry telemetry) {
    return message(
        telemetry.deviceId(), telemetry.tenantId(), telemetry.timestamp(), telemetry.metrics());
  }

  /** A record of {@code iot.devices.v1}. */
  public static DeviceSignal of(DeviceUpdate update) {
    DeviceInfo device = update.device();
    return device == null
        ? new DeviceSignal(update.deviceId(), Kind.TOMBSTONE, "", 0, List.of(), null)
        : new DeviceSignal(update.deviceId(), Kind.SNAPSHOT, "", 0, List.of(), device);
  }
}
