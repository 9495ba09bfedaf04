package org.iotplatform.flink.telemetry;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.jspecify.annotations.Nullable;

/**
 * Writes a rejected record to {@link KafkaTopics#TELEMETRY_DLQ} as it arrived (key, value, headers
 * and timestamp) plus a {@link KafkaHeaders#REJECT_REASON} header, so it can be inspected and
 * replayed into {@link KafkaTopics#TELEMETRY} once the cause is fixed.
 */
public final class DeadLetterSerializer
    implements KafkaRecordSerializationSchema<RejectedTelemetry> {

  private static final long serialVersionUID = 1L;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      RejectedTelemetry rejected, KafkaSinkContext context, @Nullable Long timestamp) {
    TelemetryRecord original = rejected.record();
    RecordHeaders headers = new RecordHeaders();
    for (TelemetryRecord.Header header : original.headers()) {
      headers.add(header.key(), header.value());
    }
    headers.add(KafkaHeaders.REJECT_REASON, KafkaHeaders.encode(rejected.reason()));
    return new ProducerRecord<>(
        KafkaTopics.TELEMETRY_DLQ,
        null,
        // Kafka refuses negative timestamps; records without one (-1) get the producer's time.
        original.timestamp() >= 0 ? original.timestamp() : null,
        original.key(),
        original.value(),
        headers);
  }
}
