package org.iotplatform.contracts;

import java.util.Locale;
import java.util.Optional;

/**
 * What a record on {@link KafkaTopics#DEVICE_EVENTS} tells, named by its header {@link
 * KafkaHeaders#EVENT_TYPE} (lower case). The key is the device id; headers {@link
 * KafkaHeaders#TENANT_ID} and {@link KafkaHeaders#RECEIVED_AT} (when the broker saw it) are set as
 * on telemetry.
 *
 * <p>A record without the header is {@link #STATUS}: a device's own publish on {@code
 * devices/{id}/status}, forwarded untouched.
 */
public enum DeviceEventType {
  /**
   * The device's own status publish: a heartbeat such as {@code
   * {"battery":87,"rssi":-70,"firmware":"2.4.1"}}, or its last will {@code {"state":"offline"}}.
   * The value is the payload, untouched.
   */
  STATUS,
  /** The broker accepted the device's connection. The value is empty or a JSON object. */
  CONNECTED,
  /**
   * The device's connection ended, cleanly or not. The value is empty or a JSON object such as
   * {@code {"clean":false,"reason":"keep-alive timeout"}}.
   */
  DISCONNECTED;

  /** The header value naming this type. */
  public String headerValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type a header value names; empty for a value no type has. */
  public static Optional<DeviceEventType> fromHeader(String value) {
    for (DeviceEventType type : values()) {
      if (type.headerValue().equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
