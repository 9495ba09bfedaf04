package org.iotplatform.registry.status;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.iotplatform.contracts.DeviceEventType;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.registry.device.DeviceStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of {@code iot.device-events.v1} (the contract is {@link DeviceEventType}) as a
 * {@link StatusUpdate}. A device that connects or publishes its status is online; one that
 * disconnects, or whose last will ({@code {"state":"offline"}}) the broker publishes, is offline.
 * Records it cannot attribute to a device (no key, an invalid id, an unknown event type) are
 * skipped: they cannot change any row.
 */
final class DeviceEventReader {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private DeviceEventReader() {}

  static Optional<StatusUpdate> read(ConsumerRecord<String, byte @Nullable []> record) {
    String deviceId = record.key();
    if (deviceId == null || !DeviceTopic.isValidDeviceId(deviceId)) {
      return Optional.empty();
    }
    String typeHeader = header(record, KafkaHeaders.EVENT_TYPE);
    Optional<DeviceEventType> type =
        typeHeader == null
            ? Optional.of(DeviceEventType.STATUS)
            : DeviceEventType.fromHeader(typeHeader);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    DeviceStatus status =
        switch (type.get()) {
          case CONNECTED -> DeviceStatus.ONLINE;
          case DISCONNECTED -> DeviceStatus.OFFLINE;
          case STATUS -> isLastWill(record.value()) ? DeviceStatus.OFFLINE : DeviceStatus.ONLINE;
        };
    return Optional.of(new StatusUpdate(deviceId, receivedAt(record), status));
  }

  /** The broker's time when the header has it, else the record's own timestamp. */
  private static Instant receivedAt(ConsumerRecord<String, byte @Nullable []> record) {
    String millis = header(record, KafkaHeaders.RECEIVED_AT);
    if (millis != null) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(millis));
      } catch (NumberFormatException e) {
        // Fall back to the record's timestamp, which Kafka always sets.
      }
    }
    return Instant.ofEpochMilli(record.timestamp());
  }

  /**
   * A status payload that says {@code "state":"offline"}. Anything else a device publishes on its
   * status topic, even unreadable JSON, shows that it is alive.
   */
  private static boolean isLastWill(byte @Nullable [] payload) {
    if (payload == null || payload.length == 0) {
      return false;
    }
    try {
      JsonNode state = MAPPER.readTree(payload).path("state");
      return state.isString() && "offline".equals(state.asString());
    } catch (JacksonException e) {
      return false;
    }
  }

  private static @Nullable String header(
      ConsumerRecord<String, byte @Nullable []> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? null : KafkaHeaders.decode(header.value());
  }
}
