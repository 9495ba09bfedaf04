package org.iotplatform.alerts.alert;

import java.util.Optional;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the value of a record of {@code iot.alerts.v1} as an {@link AlertEvent}. A value that is
 * not one (unreadable JSON, a missing field, an unknown kind, ids that do not fit together) is
 * empty: the consumer counts and skips it, since retrying cannot make it readable.
 */
final class AlertEventReader {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private AlertEventReader() {}

  static Optional<AlertEvent> read(byte @Nullable [] value) {
    if (value == null || value.length == 0) {
      return Optional.empty();
    }
    AlertEvent event;
    try {
      event = MAPPER.readValue(value, AlertEvent.class);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    return isComplete(event) ? Optional.of(event) : Optional.empty();
  }

  // Jackson leaves absent fields null whatever the record declares.
  @SuppressWarnings("ConstantConditions")
  private static boolean isComplete(@Nullable AlertEvent event) {
    if (event == null
        || event.eventId() == null
        || event.alertId() == null
        || event.kind() == null
        || event.tenantId() == null
        || event.ruleId() == null
        || event.ruleName() == null
        || event.severity() == null
        || event.deviceId() == null
        || event.at() == null
        || event.firedAt() == null
        || event.reason() == null
        || event.emittedAt() == null) {
      return false;
    }
    boolean knownKind =
        AlertEvent.FIRED.equals(event.kind()) || AlertEvent.RESOLVED.equals(event.kind());
    return knownKind
        && AlertRuleSnapshot.SEVERITIES.contains(event.severity())
        && event.eventId().equals(AlertEvent.eventId(event.alertId(), event.kind()))
        && !event.tenantId().isBlank();
  }
}
