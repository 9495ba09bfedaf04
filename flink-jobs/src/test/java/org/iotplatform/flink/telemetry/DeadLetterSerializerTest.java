package org.iotplatform.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.junit.jupiter.api.Test;

class DeadLetterSerializerTest {

  private final DeadLetterSerializer underTest = new DeadLetterSerializer();

  @Test
  void writesTheOriginalRecordWithAReasonToTheDeadLetterTopic() {
    byte[] value = "{oops".getBytes(StandardCharsets.UTF_8);
    TelemetryRecord original = TelemetryRecords.of("d-1", value);
    RejectedTelemetry rejected =
        new RejectedTelemetry(original, RejectCode.PAYLOAD_MALFORMED_JSON, "Unexpected character");

    ProducerRecord<byte[], byte[]> record = underTest.serialize(rejected, null, null);

    assertThat(record.topic()).isEqualTo(KafkaTopics.TELEMETRY_DLQ);
    assertThat(record.key()).isEqualTo("d-1".getBytes(StandardCharsets.UTF_8));
    assertThat(record.value()).isEqualTo(value);
    assertThat(record.timestamp()).isEqualTo(original.timestamp());
    assertThat(record.headers().lastHeader(KafkaHeaders.TENANT_ID).value())
        .isEqualTo(KafkaHeaders.encode(TelemetryRecords.TENANT));
    assertThat(record.headers().lastHeader(KafkaHeaders.RECEIVED_AT).value())
        .isEqualTo(KafkaHeaders.encode(TelemetryRecords.RECEIVED_AT));
    Header reason = record.headers().lastHeader(KafkaHeaders.REJECT_REASON);
    assertThat(KafkaHeaders.decode(reason.value()))
        .isEqualTo("payload.malformed-json: Unexpected character");
  }

  @Test
  void keepsAMissingKeyAndValueAndLetsTheProducerStampRecordsWithoutTimestamp() {
    TelemetryRecord original =
        new TelemetryRecord(null, null, TelemetryRecords.headers("d-1"), -1L);

    ProducerRecord<byte[], byte[]> record =
        underTest.serialize(
            new RejectedTelemetry(original, RejectCode.PAYLOAD_MISSING, "record has no value"),
            null,
            null);

    assertThat(record.key()).isNull();
    assertThat(record.value()).isNull();
    assertThat(record.timestamp()).isNull();
  }
}
