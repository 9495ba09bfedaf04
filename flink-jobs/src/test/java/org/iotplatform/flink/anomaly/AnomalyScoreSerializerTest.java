package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.TelemetryParser;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TimestampLimits;
import org.junit.jupiter.api.Test;

class AnomalyScoreSerializerTest {

  private static final long RECEIVED_AT = 1_732_280_000_500L;

  private final AnomalyScoreSerializer underTest = new AnomalyScoreSerializer();

  @Test
  void writesTheScoreAsTelemetryOfTheDeviceOnTheScoresTopic() {
    AnomalyScore score =
        new AnomalyScore("d-1", "acme", 1_732_280_000_123L, RECEIVED_AT, 0.93, 0.5, 0.93);

    ProducerRecord<byte[], byte[]> record = underTest.serialize(score, null, null);

    assertThat(record.topic()).isEqualTo(KafkaTopics.ANOMALY_SCORES);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("d-1");
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"ts\":1732280000123,\"metrics\":"
                + "{\"anomaly_score\":0.93,\"anomaly_zscore\":0.5,\"anomaly_rcf\":0.93}}");
    assertThat(record.timestamp()).isEqualTo(RECEIVED_AT);
    assertThat(KafkaHeaders.decode(record.headers().lastHeader(KafkaHeaders.TENANT_ID).value()))
        .isEqualTo("acme");
    assertThat(KafkaHeaders.decode(record.headers().lastHeader(KafkaHeaders.RECEIVED_AT).value()))
        .isEqualTo(Long.toString(RECEIVED_AT));
  }

  @Test
  void writesNoForestScoreWhileTheForestWarmsUp() {
    AnomalyScore score = new AnomalyScore("d-1", "acme", 5, RECEIVED_AT, 0.2, 0.2, null);

    ProducerRecord<byte[], byte[]> record = underTest.serialize(score, null, null);

    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"ts\":5,\"metrics\":{\"anomaly_score\":0.2,\"anomaly_zscore\":0.2}}");
  }

  @Test
  void writesWhatTheStorageJobsValidatorAccepts() {
    long ts = RECEIVED_AT - 1000;
    AnomalyScore score = new AnomalyScore("d-1", "acme", ts, RECEIVED_AT, 0.9, 0.9, 0.1);
    ProducerRecord<byte[], byte[]> record = underTest.serialize(score, null, null);
    List<TelemetryRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new TelemetryRecord.Header(header.key(), header.value()));
    }

    TelemetryParser.Result parsed =
        new TelemetryParser(TimestampLimits.forRawRetention("INF"))
            .parse(new TelemetryRecord(record.key(), record.value(), headers, record.timestamp()));

    assertThat(parsed)
        .isInstanceOfSatisfying(
            TelemetryParser.Valid.class,
            valid -> {
              assertThat(valid.telemetry().deviceId()).isEqualTo("d-1");
              assertThat(valid.telemetry().tenantId()).isEqualTo("acme");
              assertThat(valid.telemetry().timestamp()).isEqualTo(ts);
              assertThat(valid.telemetry().metrics())
                  .containsExactly(
                      Metric.number(AnomalyScore.SCORE, 0.9),
                      Metric.number(AnomalyScore.Z_SCORE, 0.9),
                      Metric.number(AnomalyScore.FOREST_SCORE, 0.1));
            });
  }
}
