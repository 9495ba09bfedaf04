package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.junit.jupiter.api.Test;

class RecordFactoryTest {

  private static final long RECEIVED_AT = 1_732_280_000_123L;
  private static final Route ROUTE =
      new Route("d-1", "devices/d-1/telemetry", KafkaTopics.TELEMETRY);

  private final RecordFactory underTest = new RecordFactory("acme");

  @Test
  void keysTheRecordByDeviceIdInUtf8() {
    ProducerRecord<byte[], byte[]> record = underTest.create(ROUTE, new byte[] {1}, RECEIVED_AT);

    assertThat(record.topic()).isEqualTo(KafkaTopics.TELEMETRY);
    assertThat(record.key()).isEqualTo("d-1".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keepsThePayloadBytesUntouched() {
    byte[] payload = {'{', '}', 0, (byte) 0xff, (byte) 0xc3};

    ProducerRecord<byte[], byte[]> record = underTest.create(ROUTE, payload, RECEIVED_AT);

    assertThat(record.value()).containsExactly(payload);
  }

  @Test
  void writesTenantTopicAndReceiveTimeHeadersAsDecimalUtf8() {
    ProducerRecord<byte[], byte[]> record = underTest.create(ROUTE, new byte[0], RECEIVED_AT);

    assertThat(headers(record))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                KafkaHeaders.TENANT_ID, "acme",
                KafkaHeaders.MQTT_TOPIC, "devices/d-1/telemetry",
                KafkaHeaders.RECEIVED_AT, "1732280000123"));
  }

  @Test
  void stampsTheRecordWithTheReceiveTime() {
    ProducerRecord<byte[], byte[]> record = underTest.create(ROUTE, new byte[0], RECEIVED_AT);

    assertThat(record.timestamp()).isEqualTo(RECEIVED_AT);
  }

  private static Map<String, String> headers(ProducerRecord<byte[], byte[]> record) {
    return Arrays.stream(record.headers().toArray())
        .collect(Collectors.toMap(Header::key, h -> KafkaHeaders.decode(h.value())));
  }
}
