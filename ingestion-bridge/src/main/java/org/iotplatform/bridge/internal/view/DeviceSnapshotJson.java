package org.iotplatform.bridge.internal.view;

import org.iotplatform.contracts.DeviceSnapshot;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON value of a {@code iot.devices.v1} record. Thread-safe. */
final class DeviceSnapshotJson {

  // Fields the registry adds later must not make the bridge drop a device's credentials.
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private DeviceSnapshotJson() {}

  /**
   * The snapshot in {@code json}.
   *
   * @throws tools.jackson.core.JacksonException when it is not a snapshot
   */
  static DeviceSnapshot read(byte[] json) {
    return MAPPER.readValue(json, DeviceSnapshot.class);
  }
}
