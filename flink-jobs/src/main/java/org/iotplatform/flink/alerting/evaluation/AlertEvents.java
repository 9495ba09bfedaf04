package org.iotplatform.flink.alerting.evaluation;

import java.time.Instant;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.flink.alerting.rules.CompiledRule;

/** Builds the events of the alerts contract from the evaluator's outcomes. */
final class AlertEvents {

  private AlertEvents() {}

  /**
   * The event of {@code outcome} for the alert of {@code rule} on {@code deviceId} that fired at
   * {@code firedAt}: its ids derive from rule, device and firing time only, so the same transition
   * replayed from a checkpoint carries the same ids.
   */
  static AlertEvent of(
      CompiledRule rule, String deviceId, Outcome outcome, long firedAt, long emittedAt) {
    Instant fired = Instant.ofEpochMilli(firedAt);
    String alertId = AlertEvent.alertId(rule.ruleId(), deviceId, fired);
    return new AlertEvent(
        AlertEvent.eventId(alertId, outcome.kind()),
        alertId,
        outcome.kind(),
        rule.tenantId(),
        rule.ruleId(),
        rule.snapshot().version(),
        rule.snapshot().name(),
        rule.snapshot().severity(),
        deviceId,
        outcome.metric(),
        outcome.value(),
        Instant.ofEpochMilli(outcome.at()),
        fired,
        outcome.reason(),
        Instant.ofEpochMilli(emittedAt));
  }

  /** A resolution no reading caused: a rule, device or scope change, or a message after silence. */
  static Outcome resolved(long at, String reason) {
    return new Outcome(AlertEvent.RESOLVED, at, null, null, reason);
  }
}
