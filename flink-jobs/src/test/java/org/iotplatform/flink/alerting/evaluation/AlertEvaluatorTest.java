package org.iotplatform.flink.alerting.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.flink.alerting.rules.TestRules.TENANT;
import static org.iotplatform.flink.alerting.rules.TestRules.rule;
import static org.iotplatform.flink.alerting.rules.TestRules.threshold;
import static org.iotplatform.flink.alerting.rules.TestRules.update;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.iotplatform.flink.alerting.device.DeviceSignal;
import org.iotplatform.flink.alerting.rules.RuleUpdate;
import org.iotplatform.flink.alerting.rules.TestRules;
import org.iotplatform.flink.enrichment.DeviceInfo;
import org.iotplatform.flink.enrichment.DeviceUpdate;
import org.iotplatform.flink.enrichment.Label;
import org.iotplatform.flink.telemetry.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every transition of the evaluator, through Flink's keyed broadcast operator harness. */
class AlertEvaluatorTest {

  private static final long T0 = 1_732_280_000_000L;
  private static final long RECHECK = 60_000;
  private static final String DEVICE = "freezer-7";

  private static final AlertRuleSnapshot HOT =
      rule("r-hot", Scope.tenant(), threshold("temperature", "GT", 40.0, 3, 0, 0));

  private KeyedBroadcastOperatorTestHarness<String, DeviceSignal, RuleUpdate, AlertEvent> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness = newHarness();
    harness.open();
    harness.setProcessingTime(T0);
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void firesOnceAfterThreeConsecutiveBreaches() throws Exception {
    harness.processBroadcastElement(update(HOT), 0);

    reading(T0, 41.0);
    reading(T0 + 1_000, 42.0);
    assertThat(events()).isEmpty();
    reading(T0 + 2_000, 41.2);
    reading(T0 + 3_000, 45.0);

    assertThat(events())
        .singleElement()
        .satisfies(
            fired -> {
              assertThat(fired.kind()).isEqualTo(AlertEvent.FIRED);
              assertThat(fired.alertId()).isEqualTo("r-hot/freezer-7/" + (T0 + 2_000));
              assertThat(fired.eventId()).isEqualTo("r-hot/freezer-7/" + (T0 + 2_000) + "/FIRED");
              assertThat(fired.tenantId()).isEqualTo(TENANT);
              assertThat(fired.deviceId()).isEqualTo(DEVICE);
              assertThat(fired.ruleVersion()).isEqualTo(1);
              assertThat(fired.severity()).isEqualTo("HIGH");
              assertThat(fired.metric()).isEqualTo("temperature");
              assertThat(fired.value()).isEqualTo(41.2);
              assertThat(fired.at()).isEqualTo(Instant.ofEpochMilli(T0 + 2_000));
              assertThat(fired.firedAt()).isEqualTo(fired.at());
              assertThat(fired.reason()).isEqualTo("temperature 41.2 > 40.0 for 3 readings");
            });
  }

  @Test
  void aReadingBelowTheThresholdBreaksTheStreak() throws Exception {
    harness.processBroadcastElement(update(HOT), 0);

    reading(T0, 41.0);
    reading(T0 + 1_000, 42.0);
    reading(T0 + 2_000, 39.0);
    reading(T0 + 3_000, 41.0);
    reading(T0 + 4_000, 41.0);

    assertThat(events()).isEmpty();
  }

  @Test
  void firesOnlyOnceTheBreachHasLastedTheSustainDuration() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 60_000, 0))), 0);

    reading(T0, 41.0);
    reading(T0 + 30_000, 41.0);
    assertThat(events()).isEmpty();
    reading(T0 + 60_000, 41.5);

    assertThat(events())
        .singleElement()
        .satisfies(
            fired -> {
              assertThat(fired.at()).isEqualTo(Instant.ofEpochMilli(T0 + 60_000));
              assertThat(fired.reason()).isEqualTo("temperature 41.5 > 40.0 for 1m");
            });
  }

  @Test
  void resolvesOnlyOnceTheValueIsPastTheHysteresis() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 2))), 0);

    reading(T0, 41.0);
    reading(T0 + 1_000, 39.0);
    reading(T0 + 2_000, 38.5);

    assertThat(events()).extracting(AlertEvent::kind).containsExactly(AlertEvent.FIRED);
    reading(T0 + 3_000, 37.9);

    List<AlertEvent> events = events();
    assertThat(events).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
    AlertEvent resolved = events.get(1);
    assertThat(resolved.alertId()).isEqualTo(events.get(0).alertId());
    assertThat(resolved.eventId()).isEqualTo("r-1/freezer-7/" + T0 + "/RESOLVED");
    assertThat(resolved.firedAt()).isEqualTo(Instant.ofEpochMilli(T0));
    assertThat(resolved.at()).isEqualTo(Instant.ofEpochMilli(T0 + 3_000));
    assertThat(resolved.value()).isEqualTo(37.9);
    assertThat(resolved.reason()).isEqualTo("temperature 37.9 no longer > 40.0");
  }

  @Test
  void firesAgainOnlyAfterTheCooldownSinceTheResolution() throws Exception {
    AlertRuleSnapshot cooling =
        TestRules.withCooldown(
            rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0)), 60_000);
    harness.processBroadcastElement(update(cooling), 0);

    reading(T0, 41.0);
    reading(T0 + 1_000, 30.0);
    reading(T0 + 2_000, 41.0);
    reading(T0 + 30_000, 42.0);
    assertThat(events()).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
    reading(T0 + 61_000, 43.0);

    assertThat(events())
        .extracting(AlertEvent::kind, AlertEvent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRED", Instant.ofEpochMilli(T0)),
            org.assertj.core.groups.Tuple.tuple("RESOLVED", Instant.ofEpochMilli(T0 + 1_000)),
            org.assertj.core.groups.Tuple.tuple("FIRED", Instant.ofEpochMilli(T0 + 61_000)));
  }

  @Test
  void lateReadingsNeitherFireNorBreakAStreak() throws Exception {
    harness.processBroadcastElement(update(HOT), 0);

    reading(T0 + 10_000, 41.0);
    reading(T0 + 5_000, 10.0); // late: would break the streak
    reading(T0 + 11_000, 41.0);
    reading(T0 + 6_000, 50.0); // late: would complete it
    assertThat(events()).isEmpty();
    reading(T0 + 12_000, 41.0);

    assertThat(events())
        .singleElement()
        .extracting(AlertEvent::at)
        .isEqualTo(Instant.ofEpochMilli(T0 + 12_000));
  }

  @Test
  void aLateReadingDoesNotResolveAnActiveAlert() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0))), 0);

    reading(T0 + 10_000, 41.0);
    reading(T0 + 5_000, 20.0);

    assertThat(events()).extracting(AlertEvent::kind).containsExactly("FIRED");
  }

  @Test
  void aConditionChangeResolvesTheActiveAlertAndStartsAfresh() throws Exception {
    AlertRuleSnapshot once =
        rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0));
    harness.processBroadcastElement(update(once), 0);
    reading(T0, 41.0);

    AlertRuleSnapshot changed =
        TestRules.withCondition(once, threshold("temperature", "GT", 30, 2, 0, 0));
    harness.processBroadcastElement(update(changed), 0);

    List<AlertEvent> events = events();
    assertThat(events).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
    assertThat(events.get(1).reason()).isEqualTo("rule changed");
    assertThat(events.get(1).ruleVersion()).isEqualTo(2);
    assertThat(events.get(1).metric()).isNull();
    assertThat(events.get(1).at()).isEqualTo(Instant.ofEpochMilli(T0));
    assertThat(ruleStates()).isZero();

    reading(T0 + 1_000, 35.0);
    reading(T0 + 2_000, 35.0);
    assertThat(events()).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED", "FIRED");
  }

  @Test
  void aSeverityChangeKeepsTheAlertActive() throws Exception {
    AlertRuleSnapshot once =
        rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0));
    harness.processBroadcastElement(update(once), 0);
    reading(T0, 41.0);

    harness.processBroadcastElement(update(TestRules.withSeverity(once, "CRITICAL")), 0);
    reading(T0 + 1_000, 42.0);
    reading(T0 + 2_000, 20.0);

    List<AlertEvent> events = events();
    assertThat(events).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
    assertThat(events.get(1).alertId()).isEqualTo(events.get(0).alertId());
    assertThat(events.get(1).severity()).isEqualTo("CRITICAL");
    assertThat(events.get(1).ruleVersion()).isEqualTo(2);
  }

  @Test
  void ignoresAnOlderOrEqualVersionOfARule() throws Exception {
    AlertRuleSnapshot v2 =
        TestRules.withVersion(
            rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0)), 2);
    harness.processBroadcastElement(update(v2), 0);
    harness.processBroadcastElement(update(TestRules.withVersion(TestRules.disabled(v2), 1)), 0);

    reading(T0, 41.0);

    assertThat(events()).extracting(AlertEvent::ruleVersion).containsExactly(2L);
  }

  @Test
  void aDeletedRuleResolvesItsAlertsAndLeavesNoState() throws Exception {
    AlertRuleSnapshot once =
        rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0));
    harness.processBroadcastElement(update(once), 0);
    reading(T0, 41.0);
    reading("other", T0, 10.0);
    assertThat(ruleStates()).isEqualTo(2);

    harness.processBroadcastElement(RuleUpdate.tombstone("r-1"), 0);

    assertThat(events())
        .extracting(AlertEvent::kind, AlertEvent::deviceId, AlertEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRED", DEVICE, "temperature 41.0 > 40.0"),
            org.assertj.core.groups.Tuple.tuple("RESOLVED", DEVICE, "rule deleted"));
    assertThat(ruleStates()).isZero();
    reading(T0 + 1_000, 50.0);
    assertThat(events()).hasSize(2);
  }

  @Test
  void aDisabledRuleResolvesItsAlertsAndEvaluatesNothing() throws Exception {
    AlertRuleSnapshot once =
        rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0));
    harness.processBroadcastElement(update(once), 0);
    reading(T0, 41.0);

    harness.processBroadcastElement(update(TestRules.disabled(once)), 0);
    reading(T0 + 1_000, 20.0);
    reading(T0 + 2_000, 50.0);

    assertThat(events())
        .extracting(AlertEvent::kind, AlertEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRED", "temperature 41.0 > 40.0"),
            org.assertj.core.groups.Tuple.tuple("RESOLVED", "rule disabled"));
    assertThat(ruleStates()).isZero();
  }

  @Test
  void aDeletedDeviceResolvesItsAlertsAndLeavesNoState() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0))), 0);
    harness.processElement(snapshot(DEVICE, "freezer", Map.of(), 1), 0);
    reading(T0, 41.0);

    harness.processElement(DeviceSignal.of(DeviceUpdate.tombstone(DEVICE)), 0);

    assertThat(events())
        .extracting(AlertEvent::kind, AlertEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRED", "temperature 41.0 > 40.0"),
            org.assertj.core.groups.Tuple.tuple("RESOLVED", "device deleted"));
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void aDeviceListRuleWatchesOnlyItsDevices() throws Exception {
    harness.processBroadcastElement(
        update(
            rule(
                "r-1",
                Scope.group("freezers", List.of(DEVICE, "freezer-8")),
                threshold("temperature", "GT", 40, 1, 0, 0))),
        0);

    reading(T0, 41.0);
    reading("freezer-8", T0, 41.0);
    reading("oven-1", T0, 41.0);

    assertThat(events()).extracting(AlertEvent::deviceId).containsExactly(DEVICE, "freezer-8");
  }

  @Test
  void aTypeRuleWatchesDevicesOfItsTypeInItsTenantOnly() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.type("freezer"), threshold("temperature", "GT", 40, 1, 0, 0))), 0);
    harness.processElement(snapshot(DEVICE, "freezer", Map.of(), 1), 0);
    harness.processElement(snapshot("oven-1", "oven", Map.of(), 1), 0);
    harness.processElement(
        DeviceSignal.of(
            DeviceUpdate.snapshot(
                "freezer-x", new DeviceInfo("other-tenant", "freezer", List.of(), 1))),
        0);

    reading(T0, 41.0);
    reading("oven-1", T0, 41.0);
    reading("freezer-x", T0, 41.0);
    reading("unregistered", T0, 41.0);

    assertThat(events()).extracting(AlertEvent::deviceId).containsExactly(DEVICE);
  }

  @Test
  void aLabelRuleWatchesDevicesCarryingAllItsLabels() throws Exception {
    harness.processBroadcastElement(
        update(
            rule(
                "r-1",
                Scope.labels(Map.of("site", "berlin", "floor", "2")),
                threshold("temperature", "GT", 40, 1, 0, 0))),
        0);
    harness.processElement(
        snapshot(DEVICE, "freezer", Map.of("site", "berlin", "floor", "2", "x", "y"), 1), 0);
    harness.processElement(snapshot("freezer-8", "freezer", Map.of("site", "berlin"), 1), 0);

    reading(T0, 41.0);
    reading("freezer-8", T0, 41.0);

    assertThat(events()).extracting(AlertEvent::deviceId).containsExactly(DEVICE);
  }

  @Test
  void aTenantRuleWatchesUnregisteredDevicesOfItsTenantByTheirMessagesTenant() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0))), 0);

    reading(T0, 41.0);
    harness.processElement(
        DeviceSignal.message("intruder", "other-tenant", T0, List.of(number(41.0))), 0);

    assertThat(events()).extracting(AlertEvent::deviceId).containsExactly(DEVICE);
  }

  @Test
  void aDeviceLeavingTheScopeResolvesItsAlertAndDropsTheState() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.type("freezer"), threshold("temperature", "GT", 40, 1, 0, 0))), 0);
    harness.processElement(snapshot(DEVICE, "freezer", Map.of(), 1), 0);
    reading(T0, 41.0);

    harness.processElement(snapshot(DEVICE, "oven", Map.of(), 2), 0);
    reading(T0 + 1_000, 50.0);

    assertThat(events())
        .extracting(AlertEvent::kind, AlertEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRED", "temperature 41.0 > 40.0"),
            org.assertj.core.groups.Tuple.tuple("RESOLVED", "device left the rule's scope"));
    assertThat(ruleStates()).isZero();
  }

  @Test
  void anAllCompositeFiresWhileEveryPartHoldsOnItsLatestState() throws Exception {
    harness.processBroadcastElement(
        update(
            rule(
                "r-1",
                Scope.tenant(),
                Condition.all(
                    List.of(
                        threshold("temperature", "GT", 40, 1, 0, 0),
                        threshold("humidity", "LT", 20, 1, 0, 0))))),
        0);

    reading(T0, 41.0);
    assertThat(events()).isEmpty();
    harness.processElement(message(T0 + 1_000, Metric.number("humidity", 15.0)), 0);
    harness.processElement(message(T0 + 2_000, Metric.number("humidity", 10.0)), 0);
    reading(T0 + 3_000, 30.0);

    List<AlertEvent> events = events();
    assertThat(events).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
    assertThat(events.get(0).metric()).isEqualTo("humidity");
    assertThat(events.get(0).reason())
        .isEqualTo("all of [temperature > 40.0, humidity < 20.0] holds: humidity 15.0");
    assertThat(events.get(1).reason())
        .isEqualTo(
            "all of [temperature > 40.0, humidity < 20.0] no longer holds: temperature 30.0");
  }

  @Test
  void anAnyCompositeFiresOnOnePartAndResolvesWhenNoneHolds() throws Exception {
    harness.processBroadcastElement(
        update(
            rule(
                "r-1",
                Scope.tenant(),
                Condition.any(
                    List.of(
                        threshold("temperature", "GT", 40, 1, 0, 0),
                        threshold("humidity", "LT", 20, 1, 0, 0))))),
        0);

    reading(T0, 41.0);
    harness.processElement(message(T0 + 1_000, Metric.number("humidity", 15.0)), 0);
    reading(T0 + 2_000, 30.0);
    assertThat(events()).extracting(AlertEvent::kind).containsExactly("FIRED");
    harness.processElement(message(T0 + 3_000, Metric.number("humidity", 50.0)), 0);

    assertThat(events()).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
  }

  @Test
  void aRateRuleComparesTheChangePerSecondWithThePreviousReading() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), TestRules.rate("temperature", "GT", 1.0))), 0);

    reading(T0, 10.0);
    reading(T0 + 10_000, 15.0); // 0.5/s
    assertThat(events()).isEmpty();
    reading(T0 + 12_000, 20.0); // 2.5/s
    reading(T0 + 11_000, 0.0); // late: ignored
    reading(T0 + 22_000, 21.0); // 0.1/s

    List<AlertEvent> events = events();
    assertThat(events).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
    assertThat(events.get(0).value()).isEqualTo(2.5);
    assertThat(events.get(0).reason()).isEqualTo("rate of temperature 2.5/s > 1.0/s");
    assertThat(events.get(1).reason()).isEqualTo("rate of temperature 0.1/s no longer > 1.0/s");
  }

  @Test
  void heartbeatNumbersAreReadingsToo() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), threshold("battery", "LT", 15, 1, 0, 0))), 0);

    harness.processElement(
        message(T0, Metric.number("battery", 12), Metric.number("rssi", -70)), 0);

    assertThat(events()).extracting(AlertEvent::reason).containsExactly("battery 12.0 < 15.0");
  }

  @Test
  void anOfflineRuleFiresOnceAfterTheSilenceAndResolvesOnTheNextMessage() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-off", Scope.tenant(), Condition.offline(300_000))), 0);
    harness.processElement(message(T0), 0);

    harness.setProcessingTime(T0 + 299_999);
    assertThat(events()).isEmpty();
    harness.setProcessingTime(T0 + 300_000);
    harness.setProcessingTime(T0 + 900_000);
    assertThat(events())
        .singleElement()
        .satisfies(
            fired -> {
              assertThat(fired.kind()).isEqualTo("FIRED");
              assertThat(fired.reason()).isEqualTo("no message for 5m");
              assertThat(fired.firedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 300_000));
              assertThat(fired.metric()).isNull();
            });

    harness.processElement(message(T0), 0);
    harness.setProcessingTime(T0 + 1_000_000);

    List<AlertEvent> events = events();
    assertThat(events).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
    assertThat(events.get(1).reason()).isEqualTo("message received");
    assertThat(events.get(1).at()).isEqualTo(Instant.ofEpochMilli(T0 + 900_000));
    harness.setProcessingTime(T0 + 900_000 + 300_000);
    assertThat(events()).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED", "FIRED");
  }

  @Test
  void anOfflineRuleWatchesADeviceKnownOnlyFromItsSnapshot() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-off", Scope.type("freezer"), Condition.offline(60_000))), 0);

    harness.processElement(snapshot(DEVICE, "freezer", Map.of(), 1), 0);
    harness.setProcessingTime(T0 + 60_000);

    assertThat(events()).extracting(AlertEvent::kind).containsExactly("FIRED");
  }

  @Test
  void aNewOfflineRuleCatchesADeviceAlreadySilentWithinTheRecheckInterval() throws Exception {
    harness.processElement(message(T0), 0);
    harness.setProcessingTime(T0 + 10 * RECHECK + 1);

    harness.processBroadcastElement(
        update(rule("r-off", Scope.tenant(), Condition.offline(120_000))), 0);
    harness.setProcessingTime(T0 + 12 * RECHECK);

    assertThat(events())
        .singleElement()
        .extracting(AlertEvent::firedAt)
        .isEqualTo(Instant.ofEpochMilli(T0 + 120_000));
  }

  @Test
  void restoresRulesAndAlertsFromACheckpoint() throws Exception {
    harness.processBroadcastElement(
        update(rule("r-1", Scope.tenant(), threshold("temperature", "GT", 40, 1, 0, 0))), 0);
    reading(T0, 41.0);
    OperatorSubtaskState checkpoint = harness.snapshot(1L, 0L);
    harness.close();

    harness = restoredHarness(checkpoint);
    reading(T0 + 1_000, 42.0);
    reading(T0 + 2_000, 20.0);

    assertThat(events())
        .extracting(AlertEvent::kind, AlertEvent::alertId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("RESOLVED", "r-1/freezer-7/" + T0));
  }

  private KeyedBroadcastOperatorTestHarness<String, DeviceSignal, RuleUpdate, AlertEvent>
      newHarness() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new AlertEvaluator(RECHECK), DeviceSignal::deviceId, Types.STRING, AlertEvaluator.RULES);
  }

  private KeyedBroadcastOperatorTestHarness<String, DeviceSignal, RuleUpdate, AlertEvent>
      restoredHarness(OperatorSubtaskState checkpoint) throws Exception {
    KeyedBroadcastOperatorTestHarness<String, DeviceSignal, RuleUpdate, AlertEvent> restored =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new AlertEvaluator(RECHECK), List.of(AlertEvaluator.RULES)),
            DeviceSignal::deviceId,
            Types.STRING,
            1,
            1,
            0);
    restored.initializeState(checkpoint);
    restored.open();
    restored.setProcessingTime(T0);
    return restored;
  }

  private void reading(long timestamp, double temperature) throws Exception {
    reading(DEVICE, timestamp, temperature);
  }

  private void reading(String deviceId, long timestamp, double temperature) throws Exception {
    harness.processElement(
        DeviceSignal.message(deviceId, TENANT, timestamp, List.of(number(temperature))), 0);
  }

  private static Metric number(double temperature) {
    return Metric.number("temperature", temperature);
  }

  private static DeviceSignal message(long timestamp, Metric... metrics) {
    return DeviceSignal.message(DEVICE, TENANT, timestamp, List.of(metrics));
  }

  private static DeviceSignal snapshot(
      String deviceId, String type, Map<String, String> labels, long version) {
    List<Label> sorted = DeviceInfo.labels(labels);
    return DeviceSignal.of(
        DeviceUpdate.snapshot(deviceId, new DeviceInfo(TENANT, type, sorted, version)));
  }

  private List<AlertEvent> events() {
    return harness.extractOutputValues();
  }

  /** How many devices hold rule states. */
  private long ruleStates() throws Exception {
    return harness
        .getOperator()
        .getKeyedStateBackend()
        .getKeys(AlertEvaluator.ALERTS.getName(), VoidNamespace.INSTANCE)
        .count();
  }

  private int keyedStateEntries() {
    return ((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>)
            harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }
}
