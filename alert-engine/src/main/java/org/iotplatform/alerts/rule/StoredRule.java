package org.iotplatform.alerts.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.jspecify.annotations.Nullable;

/** A rule as stored; never leaves the service (answers are {@link RuleResponse}). */
record StoredRule(
    UUID id,
    String tenantId,
    String name,
    @Nullable String description,
    ScopeBody scope,
    List<String> deviceIds,
    Condition condition,
    String severity,
    long cooldownMillis,
    boolean enabled,
    List<String> channels,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  StoredRule {
    deviceIds = List.copyOf(deviceIds);
    channels = List.copyOf(channels);
  }

  RuleResponse toResponse() {
    return new RuleResponse(
        id.toString(),
        name,
        description,
        scope,
        deviceIds,
        ConditionMapper.toBody(condition),
        severity,
        Duration.ofMillis(cooldownMillis).toString(),
        enabled,
        channels,
        version,
        createdAt,
        updatedAt);
  }

  /** What the evaluator gets: a group is published as its members, as resolved at save time. */
  AlertRuleSnapshot toSnapshot() {
    Scope contractScope =
        switch (scope.kind() == null ? "" : scope.kind()) {
          case ScopeBody.DEVICE -> Scope.device(deviceIds.get(0));
          case ScopeBody.GROUP -> Scope.group(String.valueOf(scope.group()), deviceIds);
          case ScopeBody.TYPE -> Scope.type(String.valueOf(scope.deviceType()));
          case ScopeBody.LABELS -> Scope.labels(scope.labels() == null ? Map.of() : scope.labels());
          default -> Scope.tenant();
        };
    return new AlertRuleSnapshot(
        id.toString(),
        tenantId,
        name,
        version,
        enabled,
        severity,
        contractScope,
        condition,
        cooldownMillis,
        updatedAt);
  }
}
