package org.iotplatform.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ConditionMapperTest {

  @Test
  void expandsBatteryLowIntoABatteryThreshold() {
    Condition underTest = ConditionMapper.toCondition(shorthand("BATTERY_LOW", 15.0, null));

    assertThat(underTest).isEqualTo(Condition.threshold("battery", "LT", 15));
  }

  @Test
  void expandsAnomalyIntoAnAnomalyScoreThreshold() {
    Condition underTest = ConditionMapper.toCondition(shorthand("ANOMALY", null, 0.8));

    assertThat(underTest).isEqualTo(Condition.threshold("anomaly_score", "GT", 0.8));
  }

  @Test
  void mapsAThresholdWithSymbolDurationAndHysteresis() {
    Condition underTest =
        ConditionMapper.toCondition(
            new ConditionBody(
                "threshold",
                "temperature",
                ">=",
                30.0,
                null,
                3,
                "PT30S",
                0.5,
                null,
                null,
                null,
                null));

    assertThat(underTest)
        .isEqualTo(
            new Condition(
                "THRESHOLD", "temperature", "GE", 30.0, null, 3, 30_000, 0.5, 0, List.of()));
  }

  @Test
  void showsDurationsAsIsoStringsAgain() {
    ConditionBody body =
        ConditionMapper.toBody(
            new Condition("RATE", "temperature", "GT", 1.0, null, 2, 90_000, 0, 0, List.of()));

    assertThat(body.sustainFor()).isEqualTo("PT1M30S");
    assertThat(body.consecutive()).isEqualTo(2);
    assertThat(ConditionMapper.toBody(Condition.offline(300_000)).after()).isEqualTo("PT5M");
  }

  @Test
  void refusesARangeWhoseLowerBoundIsAboveItsUpper() {
    assertInvalid(
        threshold("BETWEEN", 10.0, 5.0), "condition.upper", "must be at least value (10.0)");
  }

  @Test
  void refusesNotANumber() {
    assertInvalid(threshold("GT", Double.NaN, null), "condition.value", "finite");
  }

  @Test
  void refusesAnUpperBoundOnAComparison() {
    assertInvalid(threshold("GT", 1.0, 2.0), "condition.upper", "only for BETWEEN");
  }

  @Test
  void refusesAnUnknownOperator() {
    assertInvalid(threshold("ABOUT", 1.0, null), "condition.operator", "must be one of");
  }

  @Test
  void refusesAnEmptyComposite() {
    assertInvalid(composite("ALL", List.of()), "condition.conditions", "at least one");
  }

  @Test
  void refusesOfflineInsideAComposite() {
    assertInvalid(
        composite("ANY", List.of(offline("PT5M"))),
        "condition.conditions[0].type",
        "OFFLINE must be the whole condition");
  }

  @Test
  void refusesATreeDeeperThanFourLevels() {
    ConditionBody deep = threshold("GT", 1.0, null);
    for (int i = 0; i < Condition.MAX_DEPTH; i++) {
      deep = composite("ALL", List.of(deep));
    }

    assertInvalid(
        deep, "condition.conditions[0].conditions[0].conditions[0].conditions[0]", "deeper");
  }

  @Test
  void refusesMoreThanSixteenLeaves() {
    assertInvalid(
        composite("ANY", Collections.nCopies(Condition.MAX_LEAVES + 1, threshold("GT", 1.0, null))),
        "condition",
        "more than the 16");
  }

  @Test
  void refusesANegativeDuration() {
    assertInvalid(offline("-PT5M"), "condition.after", "must not be negative");
  }

  @Test
  void refusesAZeroOfflineSilence() {
    assertInvalid(offline("PT0S"), "condition.after", "longer than zero");
  }

  @Test
  void refusesADurationThatIsNoIsoDuration() {
    assertInvalid(offline("5 minutes"), "condition.after", "ISO-8601");
  }

  @Test
  void refusesAnUnknownType() {
    assertInvalid(shorthand("SOMETIMES", null, null), "condition.type", "must be THRESHOLD");
  }

  @Test
  void listsTheMetricsOfATree() {
    Condition tree =
        Condition.all(
            List.of(
                Condition.threshold("temperature", "GT", 1),
                Condition.any(List.of(Condition.threshold("humidity", "LT", 2)))));

    assertThat(ConditionMapper.metrics(tree)).containsExactly("temperature", "humidity");
  }

  static ConditionBody threshold(String operator, double value, @Nullable Double upper) {
    return new ConditionBody(
        "THRESHOLD",
        "temperature",
        operator,
        value,
        upper,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static ConditionBody shorthand(
      String type, @Nullable Double below, @Nullable Double above) {
    return new ConditionBody(
        type, null, null, null, null, null, null, null, null, null, below, above);
  }

  private static ConditionBody offline(String after) {
    return new ConditionBody(
        "OFFLINE", null, null, null, null, null, null, null, after, null, null, null);
  }

  private static ConditionBody composite(String type, List<ConditionBody> parts) {
    return new ConditionBody(
        type, null, null, null, null, null, null, null, null, parts, null, null);
  }

  private static void assertInvalid(ConditionBody body, String field, String reason) {
    assertThatThrownBy(() -> ConditionMapper.toCondition(body))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error()).isEqualTo(RuleError.RULE_INVALID);
              assertThat(e.getBody().getProperties()).containsEntry("field", field);
              assertThat((String) e.getBody().getProperties().get("reason")).contains(reason);
            });
  }
}
