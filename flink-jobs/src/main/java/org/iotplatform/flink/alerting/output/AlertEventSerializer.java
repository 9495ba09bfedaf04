package org.iotplatform.flink.alerting.output;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.KafkaTopics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link AlertEvent} to {@link KafkaTopics#ALERTS}: key = device id, so a device's events
 * stay in order on one partition; value = the event as JSON, times as ISO-8601.
 */
public final class AlertEventSerializer implements KafkaRecordSerializationSchema<AlertEvent> {

  private static final long serialVersionUID = 1L;

  // Created on first use: JsonMapper is not serializable.
  private transient @Nullable JsonMapper mapper;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      AlertEvent event, KafkaSinkContext context, @Nullable Long timestamp) {
    return new ProducerRecord<>(
        KafkaTopics.ALERTS,
        null,
        event.emittedAt().toEpochMilli(),
        event.deviceId().getBytes(StandardCharsets.UTF_8),
        mapper().writeValueAsBytes(event));
  }

  private JsonMapper mapper() {
    JsonMapper current = mapper;
    if (current == null) {
      current = JsonMapper.builder().build();
      mapper = current;
    }
    return current;
  }
}
