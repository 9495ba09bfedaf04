package org.iotplatform.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The value of a record on {@link KafkaTopics#DOWNLINK}: one MQTT message for one device, which the
 * ingestion bridge publishes to the device on the broker node that holds its session. The key is
 * the device id (UTF-8); the value is this record as UTF-8 JSON:
 *
 * <pre>
 * {"topic":"devices/thermo-1/commands","payload":"{\"commandId\":\"c-7\",\"name\":\"reboot\"}",
 * "qos":1,"retain":false,"expiresAt":"2024-11-22T13:05:00Z"}</pre>
 *
 * <p><b>Payload.</b> {@code payload} is a JSON string; the device receives its characters as UTF-8
 * bytes, nothing else: the JSON documents of the device topics (commands, shadow responses, OTA
 * jobs) travel as text, escaped once, and arrive byte for byte as the producer wrote them. Binary
 * payloads are not part of this version.
 *
 * <p><b>Validity.</b> A record is delivered only if {@code topic} is a concrete topic below {@code
 * devices/{key}/} ({@link #isAddressedTo(String)}: no wildcards, and never another device's topic)
 * and {@code qos} is 0 or 1. The bridge skips (and counts) any other record, a tombstone or a value
 * it cannot read.
 *
 * <p><b>Delivery.</b> At most the broker's own guarantees, at least once from Kafka: a node
 * delivers a record to a device it holds a session of at the moment it reads the record, and a
 * device that holds no session anywhere then misses it (services that need an answer, such as
 * commands, time out and retry). A redelivered record can reach the device twice, so payloads carry
 * an id the device can deduplicate on ({@code commandId}, the shadow's {@code version}, the OTA
 * job's id).
 *
 * @param topic the MQTT topic, below {@code devices/{key}/}, e.g. {@link DeviceTopic#COMMANDS};
 *     required
 * @param payload the message's text, published as its UTF-8 bytes; required, may be empty
 * @param qos the MQTT QoS, 0 or 1; required
 * @param retain whether every broker node keeps the message as the topic's retained message;
 *     required. A retained message with an empty payload clears it
 * @param expiresAt when the message stops being worth delivering, ISO-8601; absent means never. A
 *     record read at or after it is dropped; before it, the time left becomes the MQTT message
 *     expiry interval, so the broker does not deliver it late from a queue either
 */
public record DownlinkMessage(
    String topic, String payload, int qos, boolean retain, @Nullable Instant expiresAt) {

  /** The highest QoS a downlink message may ask for. */
  public static final int MAX_QOS = 1;

  public DownlinkMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
  }

  /** Whether {@link #topic()} is a concrete topic of {@code deviceId}, below its prefix. */
  public boolean isAddressedTo(String deviceId) {
    return DeviceTopic.parse(topic).filter(t -> t.deviceId().equals(deviceId)).isPresent();
  }

  /** Whether {@link #qos()} is one a device can be sent: 0 or 1. */
  public boolean hasValidQos() {
    return qos >= 0 && qos <= MAX_QOS;
  }

  /**
   * The time the message has left at {@code now}: empty when it never expires, zero or negative
   * when it expired.
   */
  public Optional<Duration> remainingAt(Instant now) {
    return Optional.ofNullable(expiresAt).map(end -> Duration.between(now, end));
  }

  /** Whether the message must no longer be delivered at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
