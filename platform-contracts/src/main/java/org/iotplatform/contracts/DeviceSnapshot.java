package org.iotplatform.contracts;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The value of a record on {@link KafkaTopics#DEVICES} (compacted): the state of one device after a
 * change, written by the registry. The key is the device id (UTF-8); the value is this record as
 * UTF-8 JSON:
 *
 * <pre>{"tenantId":"default","deviceId":"thermo-1","type":"thermometer","name":"Kitchen",
 * "labels":{"site":"berlin"},"firmwareVersion":"2.4.1","status":"OFFLINE","version":3,
 * "updatedAt":"2024-11-22T13:00:00Z"}</pre>
 *
 * <p>A deleted device is a tombstone: the key with a null value. Delivery is at least once, in
 * order per device; a consumer keeps the snapshot with the highest {@code version} and ignores an
 * older or equal one it sees again.
 *
 * @param tenantId the tenant the device belongs to
 * @param deviceId the device id, as in {@link DeviceTopic}; equal to the record key
 * @param type the device type's name
 * @param name a display name, or null
 * @param labels label key to value
 * @param firmwareVersion the firmware version last recorded, or null
 * @param status {@code ONLINE} or {@code OFFLINE}
 * @param version the registry's row version: grows with every change of the device
 * @param updatedAt when the device last changed, ISO-8601
 */
public record DeviceSnapshot(
    String tenantId,
    String deviceId,
    String type,
    @Nullable String name,
    Map<String, String> labels,
    @Nullable String firmwareVersion,
    String status,
    long version,
    Instant updatedAt) {

  public DeviceSnapshot {
    labels = Map.copyOf(labels);
  }
}
