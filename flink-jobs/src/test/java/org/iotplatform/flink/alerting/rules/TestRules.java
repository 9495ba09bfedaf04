package org.iotplatform.flink.alerting.rules;

import java.time.Instant;
import java.util.List;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;

/** Rule snapshots and updates for tests. */
public final class TestRules {

  public static final String TENANT = "acme";

  private TestRules() {}

  /** A rule of {@link #TENANT}, version 1, enabled, severity HIGH, no cooldown. */
  public static AlertRuleSnapshot rule(String ruleId, Scope scope, Condition condition) {
    return new AlertRuleSnapshot(
        ruleId,
        TENANT,
        "rule " + ruleId,
        1,
        true,
        "HIGH",
        scope,
        condition,
        0,
        Instant.parse("2026-11-22T13:00:00Z"));
  }

  /** A threshold leaf with streak, duration and hysteresis. */
  public static Condition threshold(
      String metric, String operator, double value, int consecutive, long sustainMs, double hyst) {
    return new Condition(
        Condition.THRESHOLD,
        metric,
        operator,
        value,
        null,
        consecutive,
        sustainMs,
        hyst,
        0,
        List.of());
  }

  /** A rate leaf firing on the first breaching rate. */
  public static Condition rate(String metric, String operator, double perSecond) {
    return new Condition(Condition.RATE, metric, operator, perSecond, null, 1, 0, 0, 0, List.of());
  }

  /** {@code snapshot} with another version, the rest equal. */
  public static AlertRuleSnapshot withVersion(AlertRuleSnapshot s, long version) {
    return new AlertRuleSnapshot(
        s.ruleId(),
        s.tenantId(),
        s.name(),
        version,
        s.enabled(),
        s.severity(),
        s.scope(),
        s.condition(),
        s.cooldownMillis(),
        s.updatedAt());
  }

  /** {@code snapshot} with another cooldown. */
  public static AlertRuleSnapshot withCooldown(AlertRuleSnapshot s, long cooldownMillis) {
    return new AlertRuleSnapshot(
        s.ruleId(),
        s.tenantId(),
        s.name(),
        s.version(),
        s.enabled(),
        s.severity(),
        s.scope(),
        s.condition(),
        cooldownMillis,
        s.updatedAt());
  }

  /** {@code snapshot} one version later with this severity. */
  public static AlertRuleSnapshot withSeverity(AlertRuleSnapshot s, String severity) {
    return new AlertRuleSnapshot(
        s.ruleId(),
        s.tenantId(),
        s.name(),
        s.version() + 1,
        s.enabled(),
        severity,
        s.scope(),
        s.condition(),
        s.cooldownMillis(),
        s.updatedAt());
  }

  /** {@code snapshot} one version later with this condition. */
  public static AlertRuleSnapshot withCondition(AlertRuleSnapshot s, Condition condition) {
    return new AlertRuleSnapshot(
        s.ruleId(),
        s.tenantId(),
        s.name(),
        s.version() + 1,
        s.enabled(),
        s.severity(),
        s.scope(),
        condition,
        s.cooldownMillis(),
        s.updatedAt());
  }

  /** {@code snapshot} one version later, disabled. */
  public static AlertRuleSnapshot disabled(AlertRuleSnapshot s) {
    return new AlertRuleSnapshot(
        s.ruleId(),
        s.tenantId(),
        s.name(),
        s.version() + 1,
        false,
        s.severity(),
        s.scope(),
        s.condition(),
        s.cooldownMillis(),
        s.updatedAt());
  }

  /** The update carrying {@code snapshot}. */
  public static RuleUpdate update(AlertRuleSnapshot snapshot) {
    return new RuleUpdate(snapshot.ruleId(), snapshot.version(), new RuleJson().write(snapshot));
  }
}
