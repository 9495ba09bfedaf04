package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreMappingTest {

  @Test
  void mapsThreeSigmaToTheAlertLevel() {
    assertThat(ScoreMapping.fromZScore(3)).isCloseTo(0.8, within(1e-9));
    assertThat(ScoreMapping.fromForestScore(2.5)).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void mapsUsualValuesLowAndGrowsTowardsOne() {
    assertThat(ScoreMapping.fromZScore(0)).isZero();
    assertThat(ScoreMapping.fromZScore(1)).isBetween(0.1, 0.2);
    assertThat(ScoreMapping.fromZScore(2)).isBetween(0.45, 0.55);
    assertThat(ScoreMapping.fromZScore(4)).isBetween(0.9, 1.0);
    assertThat(ScoreMapping.fromZScore(1e6)).isEqualTo(1.0);
    assertThat(ScoreMapping.fromForestScore(0.8)).isZero();
    assertThat(ScoreMapping.fromForestScore(1.5)).isBetween(0.3, 0.5);
    assertThat(ScoreMapping.fromForestScore(6)).isBetween(0.95, 1.0);
  }
}
