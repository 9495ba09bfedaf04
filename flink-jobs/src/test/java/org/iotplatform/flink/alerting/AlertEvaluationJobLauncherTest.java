package org.iotplatform.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertEvaluationJobLauncherTest {

  @Test
  void defaultsToALocalBrokerWithoutArgumentsOrEnvironment() {
    AlertEvaluationJob.Config config = AlertEvaluationJobLauncher.config(new String[0], Map.of());

    assertThat(config).isEqualTo(AlertEvaluationJob.Config.defaults("127.0.0.1:9092"));
    assertThat(config.consumerGroupId()).isEqualTo("flink-alert-evaluation");
    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.bufferTimeout()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.offlineRecheck()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void takesArgumentsBeforeEnvironmentVariables() {
    AlertEvaluationJob.Config config =
        AlertEvaluationJobLauncher.config(
            new String[] {
              "--kafka.bootstrap-servers", "kafka:9092", "--alerts.buffer-timeout", "1ms"
            },
            Map.of(
                "IOT_KAFKA_BOOTSTRAP_SERVERS", "ignored:9092",
                "IOT_KAFKA_GROUP_ID", "alerts-2",
                "IOT_CHECKPOINT_INTERVAL", "30s",
                "IOT_ALERTS_OFFLINE_RECHECK", "10s"));

    assertThat(config)
        .isEqualTo(
            new AlertEvaluationJob.Config(
                "kafka:9092",
                "alerts-2",
                Duration.ofSeconds(30),
                Duration.ofMillis(1),
                Duration.ofSeconds(10)));
  }
}
