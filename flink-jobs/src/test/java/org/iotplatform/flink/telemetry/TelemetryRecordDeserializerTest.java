package org.iotplatform.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.junit.jupiter.api.Test;

class TelemetryRecordDeserializerTest {

  private final TelemetryRecordDeserializer underTest = new TelemetryRecordDeserializer();

  @Test
  void exposesKeyHeadersAndValueOfTheContract() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode("acme"));
    headers.add(KafkaHeaders.MQTT_TOPIC, KafkaHeaders.encode("devices/d-1/telemetry"));
    headers.add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(1_732_280_000_123L));
    byte[] value = "{\"metrics\":{\"t\":1}}".getBytes(StandardCharsets.UTF_8);

    TelemetryRecord record = deserialize(bytes("d-1"), value, headers, 99L);

    assertThat(record.deviceId()).isEqualTo("d-1");
    assertThat(record.tenantId()).isEqualTo("acme");
    assertThat(record.mqttTopic()).isEqualTo("devices/d-1/telemetry");
    assertThat(record.receivedAt()).isEqualTo(1_732_280_000_123L);
    assertThat(record.value()).isEqualTo(value);
    assertThat(record.timestamp()).isEqualTo(99L);
    assertThat(record.headers()).extracting(TelemetryRecord.Header::key).hasSize(3);
  }

  @Test
  void keepsAnythingItCannotInterpretForValidationToReject() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode("yesterday"));
    headers.add("custom", null);

    TelemetryRecord record = deserialize(null, null, headers, 42L);

    assertThat(record.deviceId()).isNull();
    assertThat(record.value()).isNull();
    assertThat(record.tenantId()).isNull();
    assertThat(record.receivedAt()).isEqualTo(42L);
    assertThat(record.header("custom")).isNull();
    assertThat(record.headers()).extracting(TelemetryRecord.Header::key).contains("custom");
  }

  @Test
  void producesAPojoTypeSoFlinkAvoidsKryo() {
    assertThat(underTest.getProducedType()).isInstanceOf(PojoTypeInfo.class);
  }

  private TelemetryRecord deserialize(
      byte[] key, byte[] value, RecordHeaders headers, long timestamp) throws Exception {
    ConsumerRecord<byte[], byte[]> consumerRecord =
        new ConsumerRecord<>(
            KafkaTopics.TELEMETRY,
            0,
            7L,
            timestamp,
            TimestampType.CREATE_TIME,
            -1,
            -1,
            key,
            value,
            headers,
            Optional.empty());
    List<TelemetryRecord> out = new ArrayList<>();
    underTest.deserialize(consumerRecord, collector(out));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> Collector<T> collector(List<T> out) {
    return new Collector<>() {
      @Override
      public void collect(T record) {
        out.add(record);
      }

      @Override
      public void close() {}
    };
  }
}
