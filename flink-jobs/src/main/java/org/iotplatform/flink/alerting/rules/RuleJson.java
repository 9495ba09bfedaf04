package org.iotplatform.flink.alerting.rules;

import org.iotplatform.contracts.AlertRuleSnapshot;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes rule snapshots as the contract's JSON. Not thread-safe to share: one per user.
 */
public final class RuleJson {

  private final JsonMapper mapper =
      JsonMapper.builder()
          // Consumers ignore fields they do not know, as the contract allows producers to add.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The snapshot of {@code json}. */
  public AlertRuleSnapshot read(String json) {
    return mapper.readValue(json, AlertRuleSnapshot.class);
  }

  /** {@code snapshot} as JSON. */
  public String write(AlertRuleSnapshot snapshot) {
    return mapper.writeValueAsString(snapshot);
  }
}
