package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyDetectionJobLauncherTest {

  @Test
  void defaultsToALocalKafkaWithoutArgumentsOrEnvironment() {
    AnomalyDetectionJob.Config underTest =
        AnomalyDetectionJobLauncher.config(new String[0], Map.of());

    assertThat(underTest).isEqualTo(AnomalyDetectionJob.Config.defaults("127.0.0.1:9092"));
    assertThat(underTest.consumerGroupId()).isEqualTo("flink-anomaly-detection");
    assertThat(underTest.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(underTest.options()).isEqualTo(AnomalyOptions.defaults());
  }

  @Test
  void readsEverySettingFromArgumentsBeforeEnvironmentVariables() {
    AnomalyDetectionJob.Config underTest =
        AnomalyDetectionJobLauncher.config(
            new String[] {
              "--kafka.bootstrap-servers", "kafka:9092",
              "--anomaly.alpha", "0.1",
              "--anomaly.forest.trees", "40"
            },
            Map.of(
                "IOT_KAFKA_BOOTSTRAP_SERVERS", "ignored:1",
                "IOT_KAFKA_GROUP_ID", "anomaly-2",
                "IOT_CHECKPOINT_INTERVAL", "5s",
                "IOT_ANOMALY_ALPHA", "0.5",
                "IOT_ANOMALY_WARM_UP", "50",
                "IOT_ANOMALY_MAX_METRICS", "8",
                "IOT_ANOMALY_FOREST_SAMPLE_SIZE", "128",
                "IOT_ANOMALY_FOREST_WARM_UP", "100",
                "IOT_ANOMALY_FOREST_DIMENSIONS", "4",
                "IOT_ANOMALY_STATE_TTL", "1d"));

    assertThat(underTest)
        .isEqualTo(
            new AnomalyDetectionJob.Config(
                "kafka:9092",
                "anomaly-2",
                Duration.ofSeconds(5),
                new AnomalyOptions(
                    0.1,
                    50,
                    8,
                    new AnomalyOptions.ForestOptions(40, 128, 100, 4),
                    Duration.ofDays(1))));
  }
}
