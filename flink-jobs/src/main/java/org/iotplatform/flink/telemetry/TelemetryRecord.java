package org.iotplatform.flink.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iotplatform.contracts.KafkaHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A record of {@code iot.telemetry.v1} exactly as it was read: nothing is interpreted yet, so a
 * record that fails validation can go to the dead-letter topic unchanged. The accessors below
 * decode the contract's key and headers on demand.
 *
 * <p>A record (with a list of records) so that Flink serializes it with its POJO serializer rather
 * than Kryo.
 *
 * @param key the Kafka key, the device id in UTF-8 by contract; null if the producer sent none
 * @param value the device's payload bytes; null for a tombstone
 * @param headers all Kafka headers, in order
 * @param timestamp the Kafka record timestamp, epoch milliseconds
 */
public record TelemetryRecord(
    byte @Nullable [] key, byte @Nullable [] value, List<Header> headers, long timestamp) {

  /**
   * One Kafka header.
   *
   * @param key the header name
   * @param value the raw header value; Kafka allows null
   */
  public record Header(String key, byte @Nullable [] value) {}

  public TelemetryRecord {
    headers = List.copyOf(headers);
  }

  /** The device id from the key, or null if there is no key. Not validated. */
  public @Nullable String deviceId() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  /** The {@link KafkaHeaders#TENANT_ID} header, or null if it is missing. */
  public @Nullable String tenantId() {
    return header(KafkaHeaders.TENANT_ID);
  }

  /** The {@link KafkaHeaders#MQTT_TOPIC} header, or null if it is missing. */
  public @Nullable String mqttTopic() {
    return header(KafkaHeaders.MQTT_TOPIC);
  }

  /**
   * When the broker received the message, epoch milliseconds: the {@link KafkaHeaders#RECEIVED_AT}
   * header, or the Kafka timestamp when the header is missing or not a number.
   */
  public long receivedAt() {
    String receivedAt = header(KafkaHeaders.RECEIVED_AT);
    if (receivedAt != null) {
      try {
        return Long.parseLong(receivedAt.trim());
      } catch (NumberFormatException e) {
        // fall through: the broker's timestamp is the next best thing
      }
    }
    return timestamp;
  }

  /** The last header of that name decoded as UTF-8, or null if there is none. */
  public @Nullable String header(String name) {
    for (int i = headers.size() - 1; i >= 0; i--) {
      Header header = headers.get(i);
      if (header.key().equals(name)) {
        byte[] value = header.value();
        return value == null ? null : KafkaHeaders.decode(value);
      }
    }
    return null;
  }
}
