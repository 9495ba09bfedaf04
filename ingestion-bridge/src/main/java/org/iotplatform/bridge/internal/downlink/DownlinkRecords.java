package org.iotplatform.bridge.internal.downlink;

import java.time.Duration;
import java.time.Instant;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.DownlinkMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks one record of the downlink topic. Thread-safe. */
final class DownlinkRecords {

  // Fields a later producer adds must not make the bridge drop a message it can deliver.
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private DownlinkRecords() {}

  /** What to do with a record. */
  sealed interface Verdict {}

  /**
   * Publish {@code message} to {@code deviceId}.
   *
   * @param expiry the MQTT message expiry interval, or null for none
   */
  record Deliver(String deviceId, DownlinkMessage message, @Nullable Duration expiry)
      implements Verdict {}

  /** Drop the record: it is not a message the contract allows. */
  record Invalid(String reason) implements Verdict {}

  /** Drop the record: its {@code expiresAt} has passed. */
  record Expired(String deviceId) implements Verdict {}

  /** The verdict on a record with {@code key} and {@code value}, read at {@code now}. */
  static Verdict read(@Nullable String key, byte @Nullable [] value, Instant now) {
    if (key == null || !DeviceTopic.isValidDeviceId(key)) {
      return new Invalid("key is not a device id: " + key);
    }
    if (value == null) {
      return new Invalid("tombstone");
    }
    DownlinkMessage message;
    try {
      message = MAPPER.readValue(value, DownlinkMessage.class);
    } catch (RuntimeException e) {
      return new Invalid("unreadable value: " + e.getMessage());
    }
    if (!message.isAddressedTo(key)) {
      return new Invalid("topic " + message.topic() + " is not below devices/" + key + "/");
    }
    if (!message.hasValidQos()) {
      return new Invalid("qos " + message.qos() + " is not 0 or 1");
    }
    if (message.isExpiredAt(now)) {
      return new Expired(key);
    }
    return new Deliver(key, message, message.remainingAt(now).orElse(null));
  }
}
