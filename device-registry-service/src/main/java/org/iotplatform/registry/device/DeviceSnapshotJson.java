package org.iotplatform.registry.device;

import org.iotplatform.contracts.DeviceSnapshot;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a {@link DeviceSnapshot} on the devices topic. Its own mapper, not the web one, so
 * that a change to the API's JSON settings cannot change the topic's format.
 */
final class DeviceSnapshotJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private DeviceSnapshotJson() {}

  /** The snapshot as UTF-8 JSON; {@code updatedAt} as an ISO-8601 instant. */
  static byte[] toJson(DeviceSnapshot snapshot) {
    return MAPPER.writeValueAsBytes(snapshot);
  }
}
