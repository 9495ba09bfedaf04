package org.iotplatform.alerts.silence;

import java.time.Instant;
import java.util.UUID;

/**
 * A silence as the REST API shows it; it is active from {@code startsAt} (inclusive) to {@code
 * endsAt} (exclusive), judged by the time of each alert event.
 *
 * @param createdBy the JWT subject of the operator who created it
 */
public record SilenceResponse(
    UUID id,
    Instant startsAt,
    Instant endsAt,
    SilenceScope scope,
    String comment,
    String createdBy,
    Instant createdAt) {

  /**
   * Whether it silences an alert of {@code ruleId} on {@code deviceId} that happened {@code at}.
   */
  public boolean covers(String ruleId, String deviceId, Instant at) {
    return !at.isBefore(startsAt) && at.isBefore(endsAt) && scope.covers(ruleId, deviceId);
  }
}
