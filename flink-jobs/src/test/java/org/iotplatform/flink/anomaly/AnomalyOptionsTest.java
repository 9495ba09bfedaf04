package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnomalyOptionsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    AnomalyOptions underTest = AnomalyOptions.defaults();

    assertThat(underTest)
        .isEqualTo(
            new AnomalyOptions(
                0.05, 30, 16, new AnomalyOptions.ForestOptions(30, 64, 64, 8), Duration.ofDays(7)));
  }

  @Test
  void refusesImpossibleOptions() {
    AnomalyOptions.ForestOptions forest = AnomalyOptions.ForestOptions.defaults();
    Duration week = Duration.ofDays(7);
    assertThatThrownBy(() -> new AnomalyOptions(0, 30, 16, forest, week))
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> new AnomalyOptions(1.5, 30, 16, forest, week))
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> new AnomalyOptions(0.05, 1, 16, forest, week))
        .hasMessageContaining("warm-up");
    assertThatThrownBy(() -> new AnomalyOptions(0.05, 30, 0, forest, week))
        .hasMessageContaining("max metrics");
    assertThatThrownBy(() -> new AnomalyOptions(0.05, 30, 16, forest, Duration.ZERO))
        .hasMessageContaining("state TTL");
    assertThatThrownBy(() -> new AnomalyOptions.ForestOptions(30, 1, 64, 8))
        .hasMessageContaining("sample size");
  }
}
