package org.iotplatform.bridge.internal.lifecycle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.iotplatform.contracts.KafkaHeaders;
import org.junit.jupiter.api.Test;

class LifecycleRecordsTest {

  private final LifecycleRecords underTest =
      new LifecycleRecords("events", deviceId -> deviceId.equals("d-1") ? "acme" : "other");

  @Test
  void connectedIsKeyedByDeviceWithTheContractHeaders() {
    ProducerRecord<byte[], byte[]> record = underTest.connected("d-1", 1234L);

    assertThat(record.topic()).isEqualTo("events");
    assertThat(new String(record.key(), UTF_8)).isEqualTo("d-1");
    assertThat(record.timestamp()).isEqualTo(1234L);
    assertThat(header(record, KafkaHeaders.EVENT_TYPE)).isEqualTo("connected");
    assertThat(header(record, KafkaHeaders.TENANT_ID)).isEqualTo("acme");
    assertThat(header(record, KafkaHeaders.RECEIVED_AT)).isEqualTo("1234");
  }

  @Test
  void disconnectedCarriesCleanAndTheReasonAsJson() {
    ProducerRecord<byte[], byte[]> record =
        underTest.disconnected("d-1", 1234L, false, "say \"bye\"");

    assertThat(header(record, KafkaHeaders.EVENT_TYPE)).isEqualTo("disconnected");
    assertThat(new String(record.value(), UTF_8))
        .isEqualTo("{\"clean\":false,\"reason\":\"say \\\"bye\\\"\"}");
  }

  private static String header(ProducerRecord<?, ?> record, String name) {
    return KafkaHeaders.decode(record.headers().lastHeader(name).value());
  }
}
