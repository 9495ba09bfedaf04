package org.iotplatform.flink.alerting.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.iotplatform.flink.alerting.AlertState;

/**
 * What the evaluator keeps per (rule, device), as a value of the device's keyed map state by rule
 * id: a Flink POJO. Times are epoch milliseconds, {@link AlertState#NONE} when unset: event time
 * for thresholds, rates and composites, processing time for offline rules.
 */
public final class RuleDeviceState {

  /** Whether the alert is active: FIRED and not yet RESOLVED. */
  public boolean active;

  /** When the active alert fired: part of its id. */
  public long firedAt = AlertState.NONE;

  /** When the last alert resolved, for the cooldown. */
  public long resolvedAt = AlertState.NONE;

  /** One state per leaf of the rule's condition, in tree order; empty for offline rules. */
  public List<LeafState> leaves = new ArrayList<>();

  public RuleDeviceState() {}

  /** Whether the cooldown after the last resolution has passed at {@code time}. */
  boolean cooledAt(long time, long cooldownMillis) {
    return resolvedAt == AlertState.NONE || time - resolvedAt >= cooldownMillis;
  }
}
