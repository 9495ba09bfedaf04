package org.iotplatform.alerts.alert;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a silence (a maintenance window) covers an alert event. The silences feature implements
 * it; without it nothing is silenced.
 */
public interface SilenceCheck {

  /** Silences nothing. */
  SilenceCheck NONE = (tenantId, ruleId, deviceId, at) -> Optional.empty();

  /**
   * The silence of the tenant that is active at {@code at} and covers the rule or the device; empty
   * when none does.
   */
  Optional<UUID> silenceFor(String tenantId, String ruleId, String deviceId, Instant at);
}
