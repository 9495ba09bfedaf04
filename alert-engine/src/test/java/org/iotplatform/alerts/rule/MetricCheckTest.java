package org.iotplatform.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricCheckTest {

  @Test
  void refusesAMetricNoTypeInScopeDeclares() {
    Set<String> unknown =
        MetricCheck.unknown(
            List.of("temperature", "pressure"),
            Map.of("thermometer", Set.of("temperature"), "hygrometer", Set.of("humidity")));

    assertThat(unknown).containsExactly("pressure");
  }

  @Test
  void acceptsAMetricOneOfTheTypesDeclares() {
    assertThat(
            MetricCheck.unknown(
                List.of("humidity"),
                Map.of("thermometer", Set.of("temperature"), "hygrometer", Set.of("humidity"))))
        .isEmpty();
  }

  @Test
  void acceptsWellKnownMetricsUndeclared() {
    assertThat(
            MetricCheck.unknown(
                List.of("battery", "rssi", "anomaly_score"),
                Map.of("thermometer", Set.of("temperature"))))
        .isEmpty();
  }

  @Test
  void acceptsAnyMetricWhenATypeInScopeDeclaresNone() {
    assertThat(
            MetricCheck.unknown(
                List.of("pressure"),
                Map.of("thermometer", Set.of("temperature"), "anything", Set.of())))
        .isEmpty();
  }

  @Test
  void acceptsAnyMetricWhenNoTypeInScopeIsKnown() {
    assertThat(MetricCheck.unknown(List.of("pressure"), Map.of())).isEmpty();
  }
}
