package org.iotplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.junit.jupiter.api.Test;

class AlertRuleSnapshotTest {

  private static final Condition HOT = Condition.threshold("temperature", "GT", 40);

  @Test
  void scopesCoverTheirDevices() {
    Map<String, String> labels = Map.of("site", "berlin", "floor", "2");
    assertThat(Scope.device("d-1").covers("d-1", "thermo", labels)).isTrue();
    assertThat(Scope.device("d-1").covers("d-2", "thermo", labels)).isFalse();
    assertThat(Scope.group("cold-room", List.of("d-1", "d-2")).covers("d-2", "x", labels)).isTrue();
    assertThat(Scope.type("thermo").covers("d-9", "thermo", Map.of())).isTrue();
    assertThat(Scope.type("thermo").covers("d-9", "meter", Map.of())).isFalse();
    assertThat(Scope.labels(Map.of("site", "berlin")).covers("d-9", "x", labels)).isTrue();
    assertThat(Scope.labels(Map.of("site", "paris")).covers("d-9", "x", labels)).isFalse();
    assertThat(Scope.tenant().covers("d-9", "x", Map.of())).isTrue();
    assertThat(new Scope("PLANET", List.of(), null, Map.of(), null).covers("d", "x", labels))
        .isFalse();
  }

  @Test
  void acceptsThresholdsRangesCompositesAndOffline() {
    assertThat(HOT.isWellFormed()).isTrue();
    assertThat(range("BETWEEN", 10.0, 20.0).isWellFormed()).isTrue();
    assertThat(Condition.all(List.of(HOT, Condition.any(List.of(HOT, rate())))).isWellFormed())
        .isTrue();
    assertThat(Condition.offline(60_000).isWellFormed()).isTrue();
  }

  @Test
  void refusesImpossibleOrEmptyConditions() {
    assertThat(range("BETWEEN", 20.0, 10.0).isWellFormed()).as("upper below lower").isFalse();
    assertThat(range("OUTSIDE", 1.0, null).isWellFormed()).as("range without upper").isFalse();
    assertThat(Condition.threshold("t", "GT", Double.NaN).isWellFormed()).isFalse();
    assertThat(Condition.threshold("t", "ABOUT", 1).isWellFormed()).isFalse();
    assertThat(Condition.threshold(" ", "GT", 1).isWellFormed()).isFalse();
    assertThat(Condition.all(List.of()).isWellFormed()).as("empty composite").isFalse();
    assertThat(Condition.offline(0).isWellFormed()).isFalse();
    assertThat(Condition.any(List.of(Condition.offline(1000))).isWellFormed())
        .as("offline inside a composite")
        .isFalse();
    Condition deep = HOT;
    for (int i = 0; i < Condition.MAX_DEPTH; i++) {
      deep = Condition.all(List.of(deep));
    }
    assertThat(deep.isWellFormed()).as("too deep").isFalse();
    assertThat(
            Condition.any(java.util.Collections.nCopies(Condition.MAX_LEAVES + 1, HOT))
                .isWellFormed())
        .as("too many leaves")
        .isFalse();
  }

  @Test
  void alertIdsAreDerivedFromRuleDeviceAndFiringTime() {
    String alertId = AlertEvent.alertId("r-1", "d-1", Instant.ofEpochMilli(1732280000123L));
    assertThat(alertId).isEqualTo("r-1/d-1/1732280000123");
    assertThat(AlertEvent.eventId(alertId, AlertEvent.FIRED))
        .isEqualTo("r-1/d-1/1732280000123/FIRED");
  }

  private static Condition range(String operator, Double value, Double upper) {
    return new Condition(Condition.THRESHOLD, "t", operator, value, upper, 1, 0, 0, 0, List.of());
  }

  private static Condition rate() {
    return new Condition(Condition.RATE, "t", "GT", 0.5, null, 2, 0, 0, 0, List.of());
  }
}
