package org.iotplatform.bridge.internal.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.iotplatform.contracts.DeviceEventType;
import org.iotplatform.contracts.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds lifecycle records as {@link DeviceEventType} says: key = device id, headers {@code
 * event-type}, {@code tenant-id} and {@code received-at}, timestamp = when the broker saw it.
 * Thread-safe.
 */
final class LifecycleRecords {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String topic;
  private final Function<String, String> tenantOf;

  LifecycleRecords(String topic, Function<String, String> tenantOf) {
    this.topic = topic;
    this.tenantOf = tenantOf;
  }

  ProducerRecord<byte[], byte[]> connected(String deviceId, long atMillis) {
    return record(
        DeviceEventType.CONNECTED, deviceId, atMillis, "{}".getBytes(StandardCharsets.UTF_8));
  }

  ProducerRecord<byte[], byte[]> disconnected(
      String deviceId, long atMillis, boolean clean, String reason) {
    return record(
        DeviceEventType.DISCONNECTED,
        deviceId,
        atMillis,
        JSON.writeValueAsBytes(new Disconnected(clean, reason)));
  }

  private ProducerRecord<byte[], byte[]> record(
      DeviceEventType type, String deviceId, long atMillis, byte[] value) {
    List<Header> headers =
        List.of(
            new RecordHeader(KafkaHeaders.EVENT_TYPE, KafkaHeaders.encode(type.headerValue())),
            new RecordHeader(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(tenantOf.apply(deviceId))),
            new RecordHeader(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(atMillis)));
    return new ProducerRecord<>(
        topic, null, atMillis, deviceId.getBytes(StandardCharsets.UTF_8), value, headers);
  }

  /** The value of a disconnected record. */
  record Disconnected(boolean clean, String reason) {}
}
