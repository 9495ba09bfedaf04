package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnomalyOptionsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    AnomalyOptions underTest = AnomalyOptions.defaults();

    assertThat(underTest)
        .isEqualTo(
            new AnomalyOptions(0.05, 30, 16, new AnomalyOptions.ForestOptions(30, 64, 64, 8)));
  }

  @Test
  void refusesImpossibleOptions() {
    AnomalyOptions.ForestOptions forest = AnomalyOptions.ForestOptions.defaults();
    assertThatThrownBy(() -> new AnomalyOptions(0, 30, 16, forest)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new AnomalyOptions(1.5, 30, 16, forest)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new AnomalyOptions(0.05, 1, 16, forest))
        .hasMessageContaining("warm-up");
    assertThatThrownBy(() -> new AnomalyOptions(0.05, 30, 0, forest))
        .hasMessageContaining("max metrics");
    assertThatThrownBy(() -> new AnomalyOptions.ForestOptions(30, 1, 64, 8))
        .hasMessageContaining("sample size");
  }
}
