package org.iotplatform.flink.alerting.rules;

import org.jspecify.annotations.Nullable;

/**
 * A record of {@code iot.alert-rules.v1} as the job reads it, and the value of the job's broadcast
 * state. The snapshot travels and is checkpointed as its contract JSON rather than as a Flink type:
 * the condition tree is recursive, which Flink's type extraction would hand to Kryo, and the
 * contract's JSON is a state format that already evolves compatibly.
 *
 * @param ruleId the rule, from the record key
 * @param version the snapshot's version; 0 for a tombstone
 * @param snapshotJson the {@link org.iotplatform.contracts.AlertRuleSnapshot} as JSON, or null for
 *     a tombstone (the rule was deleted)
 */
public record RuleUpdate(String ruleId, long version, @Nullable String snapshotJson) {

  /** The deletion of a rule. */
  public static RuleUpdate tombstone(String ruleId) {
    return new RuleUpdate(ruleId, 0, null);
  }

  /** Whether this update deletes the rule. */
  public boolean isTombstone() {
    return snapshotJson == null;
  }
}
