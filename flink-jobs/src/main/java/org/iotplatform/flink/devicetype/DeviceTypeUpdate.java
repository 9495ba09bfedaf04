package org.iotplatform.flink.devicetype;

import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * A record of {@code iot.device-types.v1} as the range check reads it.
 *
 * @param key the type's {@link DeviceTypeSnapshot#key}, from the record key
 * @param type the type's new state, or null for a tombstone (the type was deleted)
 */
public record DeviceTypeUpdate(String key, @Nullable DeviceTypeInfo type) {

  /** A snapshot of a device type. */
  public static DeviceTypeUpdate snapshot(String key, DeviceTypeInfo type) {
    return new DeviceTypeUpdate(key, type);
  }

  /** The deletion of a device type. */
  public static DeviceTypeUpdate tombstone(String key) {
    return new DeviceTypeUpdate(key, null);
  }
}
