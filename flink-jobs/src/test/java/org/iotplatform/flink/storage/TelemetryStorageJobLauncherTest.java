package org.iotplatform.flink.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.latest.LatestValueOptions;
import org.iotplatform.flink.rollup.RollupOptions;
import org.junit.jupiter.api.Test;

class TelemetryStorageJobLauncherTest {

  @Test
  void defaultsToLocalServersWithoutArgumentsOrEnvironment() {
    TelemetryStorageJob.Config config = TelemetryStorageJobLauncher.config(new String[0], Map.of());

    assertThat(config)
        .isEqualTo(TelemetryStorageJob.Config.defaults("127.0.0.1:9092", "http://127.0.0.1:8086"));
    assertThat(config.influx().database()).isEqualTo(InfluxSchema.DATABASE);
    assertThat(config.influx().retentionPolicy()).isEqualTo(InfluxSchema.RAW_RETENTION_POLICY);
    assertThat(config.influx().retentionDuration()).isEqualTo("30d");
    assertThat(config.rollups()).isEqualTo(RollupOptions.defaults());
    assertThat(config.latestValues()).isNull();
  }

  @Test
  void keepsLatestValuesWhenARedisUriIsGiven() {
    TelemetryStorageJob.Config config =
        TelemetryStorageJobLauncher.config(
            new String[0], Map.of("IOT_REDIS_URI", "redis://:secret@redis:6379"));

    assertThat(config.latestValues())
        .isEqualTo(LatestValueOptions.defaults("redis://:secret@redis:6379"));
    assertThat(config.latestValues().toString()).doesNotContain("secret");
  }

  @Test
  void readsRollupSettings() {
    TelemetryStorageJob.Config config =
        TelemetryStorageJobLauncher.config(
            new String[] {"--rollup.out-of-orderness", "2s", "--rollup.allowed-lateness", "1h"},
            Map.of(
                "IOT_ROLLUP_IDLENESS", "30s",
                "IOT_INFLUX_ROLLUP_1M_RETENTION", "26w",
                "IOT_INFLUX_ROLLUP_1H_RETENTION", "520w"));

    assertThat(config.rollups())
        .isEqualTo(
            new RollupOptions(
                Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofSeconds(30), "26w", "520w"));
  }

  @Test
  void takesArgumentsBeforeEnvironmentVariables() {
    TelemetryStorageJob.Config config =
        TelemetryStorageJobLauncher.config(
            new String[] {
              "--kafka.bootstrap-servers", "kafka:9092",
              "--influx.batch-size", "100",
              "--checkpoint.interval", "5s"
            },
            Map.of(
                "IOT_KAFKA_BOOTSTRAP_SERVERS", "ignored:1",
                "IOT_INFLUX_URL", "http://influx:8086",
                "IOT_INFLUX_USERNAME", "writer",
                "IOT_INFLUX_PASSWORD", "secret",
                "IOT_INFLUX_FLUSH_INTERVAL", "250ms",
                "IOT_KAFKA_GROUP_ID", "storage-2"));

    assertThat(config.kafkaBootstrapServers()).isEqualTo("kafka:9092");
    assertThat(config.consumerGroupId()).isEqualTo("storage-2");
    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.influx().url()).isEqualTo("http://influx:8086");
    assertThat(config.influx().username()).isEqualTo("writer");
    assertThat(config.influx().password()).isEqualTo("secret");
    assertThat(config.influx().batchSize()).isEqualTo(100);
    assertThat(config.influx().flushInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void keepsThePasswordOutOfToString() {
    InfluxSinkOptions options =
        InfluxSinkOptions.defaults("http://influx:8086").withCredentials("writer", "secret");

    assertThat(options.toString()).contains("writer").doesNotContain("secret");
  }
}
