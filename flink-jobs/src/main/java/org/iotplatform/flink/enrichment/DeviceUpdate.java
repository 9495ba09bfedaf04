package org.iotplatform.flink.enrichment;

import org.jspecify.annotations.Nullable;

/**
 * A record of {@code iot.devices.v1} as enrichment reads it.
 *
 * @param deviceId the device, from the record key
 * @param device the device's new state, or null for a tombstone (the device was deleted)
 */
public record DeviceUpdate(String deviceId, @Nullable DeviceInfo device) {

  /** A snapshot of a device. */
  public static DeviceUpdate snapshot(String deviceId, DeviceInfo device) {
    return new DeviceUpdate(deviceId, device);
  }

  /** The deletion of a device. */
  public static DeviceUpdate tombstone(String deviceId) {
    return new DeviceUpdate(deviceId, null);
  }
}
