package org.iotplatform.alerts.rule;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the rules' snapshots on Kafka and of their scope and condition in PostgreSQL. Its own
 * mapper, not the web one, so that a change to the API's JSON settings cannot change the topic's
 * format or the stored rows. Only record components are written: {@code isWellFormed()} is no
 * field.
 */
final class RuleJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(Visibility.NONE))
          .build();

  private RuleJson() {}

  /** The snapshot as UTF-8 JSON; {@code updatedAt} as an ISO-8601 instant. */
  static byte[] snapshot(AlertRuleSnapshot snapshot) {
    return MAPPER.writeValueAsBytes(snapshot);
  }

  static AlertRuleSnapshot readSnapshot(byte[] json) {
    return MAPPER.readValue(json, AlertRuleSnapshot.class);
  }

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static Condition condition(String json) {
    return MAPPER.readValue(json, Condition.class);
  }

  static ScopeBody scope(String json) {
    return MAPPER.readValue(json, ScopeBody.class);
  }
}
