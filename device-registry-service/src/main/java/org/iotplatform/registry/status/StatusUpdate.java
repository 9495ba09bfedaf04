package org.iotplatform.registry.status;

import java.time.Instant;
import org.iotplatform.registry.device.DeviceStatus;

/**
 * What one device event says about its device: seen at {@code at}, and connected or not.
 *
 * @param deviceId the device id (unique across tenants, ADR 0007)
 * @param at when the broker saw the event
 * @param status the device's status from then on
 */
record StatusUpdate(String deviceId, Instant at, DeviceStatus status) {

  /** Whether this update is newer than {@code other}; on a tie the later arrival (this) wins. */
  boolean supersedes(StatusUpdate other) {
    return !at.isBefore(other.at);
  }
}
