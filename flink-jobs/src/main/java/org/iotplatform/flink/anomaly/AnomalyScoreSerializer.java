package org.iotplatform.flink.anomaly;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a score to {@link KafkaTopics#ANOMALY_SCORES} as telemetry: key the device id, value a
 * {@code TelemetryPayload} ({@code {"ts":<the reading's
 * ts>,"metrics":{"anomaly_score":0.93,...}}}), headers {@code tenant-id} and {@code received-at} of
 * the reading, so the storage job stores it beside the readings as if the device had sent it.
 */
public final class AnomalyScoreSerializer implements KafkaRecordSerializationSchema<AnomalyScore> {

  private static final long serialVersionUID = 1L;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** A Kafka sink of scores, at least once. */
  public static KafkaSink<AnomalyScore> sink(String bootstrapServers) {
    return KafkaSink.<AnomalyScore>builder()
        .setBootstrapServers(bootstrapServers)
        .setRecordSerializer(new AnomalyScoreSerializer())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      AnomalyScore score, KafkaSinkContext context, @Nullable Long timestamp) {
    ObjectNode payload = MAPPER.createObjectNode();
    payload.put("ts", score.timestamp());
    ObjectNode metrics = payload.putObject("metrics");
    metrics.put(AnomalyScore.SCORE, score.score());
    metrics.put(AnomalyScore.Z_SCORE, score.zScore());
    Double forestScore = score.forestScore();
    if (forestScore != null) {
      metrics.put(AnomalyScore.FOREST_SCORE, forestScore);
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(score.tenantId()));
    headers.add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(score.receivedAt()));
    return new ProducerRecord<>(
        KafkaTopics.ANOMALY_SCORES,
        null,
        // Kafka refuses negative timestamps; let the producer stamp such a record.
        score.receivedAt() >= 0 ? score.receivedAt() : null,
        score.deviceId().getBytes(StandardCharsets.UTF_8),
        MAPPER.writeValueAsBytes(payload),
        headers);
  }
}
