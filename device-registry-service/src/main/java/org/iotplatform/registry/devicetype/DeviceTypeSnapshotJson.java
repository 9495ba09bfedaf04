package org.iotplatform.registry.devicetype;

import org.iotplatform.contracts.DeviceTypeSnapshot;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a {@link DeviceTypeSnapshot} on the device types topic. Its own mapper, not the web
 * one, so that a change to the API's JSON settings cannot change the topic's format.
 */
final class DeviceTypeSnapshotJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private DeviceTypeSnapshotJson() {}

  /** The snapshot as UTF-8 JSON; {@code updatedAt} as an ISO-8601 instant. */
  static byte[] toJson(DeviceTypeSnapshot snapshot) {
    return MAPPER.writeValueAsBytes(snapshot);
  }
}
