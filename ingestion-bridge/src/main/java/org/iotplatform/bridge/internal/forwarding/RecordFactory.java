package org.iotplatform.bridge.internal.forwarding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.iotplatform.contracts.KafkaHeaders;

/**
 * Builds the Kafka record of a device publish as the contract says: key = device id, value = the
 * payload bytes untouched, headers {@link KafkaHeaders#TENANT_ID}, {@link KafkaHeaders#MQTT_TOPIC}
 * and {@link KafkaHeaders#RECEIVED_AT}. Thread-safe.
 */
public final class RecordFactory {

  private final Function<String, String> tenantOf;

  /** Every record carries {@code tenantId}. */
  public RecordFactory(String tenantId) {
    this(deviceId -> tenantId);
  }

  /** A record carries {@code tenantOf.apply(deviceId)}, which must be quick and thread-safe. */
  public RecordFactory(Function<String, String> tenantOf) {
    this.tenantOf = tenantOf;
  }

  /**
   * The record of one publish.
   *
   * @param receivedAtMillis when the broker received the publish, epoch milliseconds
   */
  public ProducerRecord<byte[], byte[]> create(Route route, byte[] payload, long receivedAtMillis) {
    List<Header> headers =
        List.of(
            new RecordHeader(
                KafkaHeaders.TENANT_ID, KafkaHeaders.encode(tenantOf.apply(route.deviceId()))),
            new RecordHeader(KafkaHeaders.MQTT_TOPIC, KafkaHeaders.encode(route.mqttTopic())),
            new RecordHeader(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(receivedAtMillis)));
    // The record's timestamp is the receive time too, so consumers reading Kafka timestamps
    // (Flink's default watermarking, time-based offset lookups) agree with the header.
    return new ProducerRecord<>(
        route.kafkaTopic(),
        null,
        receivedAtMillis,
        route.deviceId().getBytes(StandardCharsets.UTF_8),
        payload,
        headers);
  }
}
