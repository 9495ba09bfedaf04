package org.iotplatform.registry.device;

/** Whether a device is connected, from its events (package {@code status}); OFFLINE until then. */
public enum DeviceStatus {
  ONLINE,
  OFFLINE
}
