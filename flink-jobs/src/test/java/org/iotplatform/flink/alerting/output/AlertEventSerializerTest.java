package org.iotplatform.flink.alerting.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.KafkaTopics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AlertEventSerializerTest {

  private final AlertEventSerializer underTest = new AlertEventSerializer();

  @Test
  void writesTheEventAsContractJsonKeyedByDevice() {
    Instant at = Instant.parse("2024-11-22T13:00:00.123Z");
    AlertEvent event =
        new AlertEvent(
            "r/freezer-7/1/FIRED",
            "r/freezer-7/1",
            "FIRED",
            "default",
            "r",
            3,
            "Too warm",
            "HIGH",
            "freezer-7",
            "temperature",
            -12.5,
            at,
            at,
            "temperature -12.5 > -15.0",
            at);

    ProducerRecord<byte[], byte[]> record = underTest.serialize(event, null, null);

    assertThat(record.topic()).isEqualTo(KafkaTopics.ALERTS);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("freezer-7");
    String json = new String(record.value(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"at\":\"2024-11-22T13:00:00.123Z\"");
    assertThat(JsonMapper.builder().build().readValue(json, AlertEvent.class)).isEqualTo(event);
  }
}
