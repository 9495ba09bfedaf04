package org.iotplatform.alerts.silence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.iotplatform.alerts.alert.SilenceCheck;
import org.springframework.stereotype.Component;

/**
 * Tells the lifecycle which silence covers an alert event: of the tenant's silences active at the
 * event's time, the one that started first. The event's time, not the clock's, so that events read
 * late (after a backlog) are judged by when they happened.
 */
@Component
class ActiveSilences implements SilenceCheck {

  private final SilenceRepository silences;

  ActiveSilences(SilenceRepository silences) {
    this.silences = silences;
  }

  @Override
  public Optional<UUID> silenceFor(String tenantId, String ruleId, String deviceId, Instant at) {
    return silences.activeAt(tenantId, at).stream()
        .filter(silence -> silence.covers(ruleId, deviceId, at))
        .map(SilenceResponse::id)
        .findFirst();
  }
}
