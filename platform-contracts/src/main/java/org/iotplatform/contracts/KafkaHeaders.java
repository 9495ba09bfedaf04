package org.iotplatform.contracts;

import java.nio.charset.StandardCharsets;

/**
 * Header names on records the bridge produces. Every header value is a UTF-8 string; numbers are
 * written in decimal.
 */
public final class KafkaHeaders {

  /** The tenant that owns the device. */
  public static final String TENANT_ID = "tenant-id";

  /** The MQTT topic the device published to, for example {@code devices/d-1/telemetry}. */
  public static final String MQTT_TOPIC = "mqtt-topic";

  /** When the broker received the publish, in epoch milliseconds. */
  public static final String RECEIVED_AT = "received-at";

  /** On {@link KafkaTopics#DEVICE_EVENTS}: which {@link DeviceEventType} the record is. */
  public static final String EVENT_TYPE = "event-type";

  /** On dead-letter records: why the record was rejected, as a stable code and a message. */
  public static final String REJECT_REASON = "reject-reason";

  private KafkaHeaders() {}

  /** Encodes a header value as the contract requires. */
  public static byte[] encode(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Encodes an epoch-millisecond header value. */
  public static byte[] encode(long value) {
    return encode(Long.toString(value));
  }

  /** Decodes a header value written by {@link #encode(String)}. */
  public static String decode(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
