package org.iotplatform.registry.device;

/** Whether a device is connected; set from device events (to come), OFFLINE until then. */
public enum DeviceStatus {
  ONLINE,
  OFFLINE
}
