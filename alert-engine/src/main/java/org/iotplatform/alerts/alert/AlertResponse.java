package org.iotplatform.alerts.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert instance as the REST API shows it.
 *
 * @param id the URL-safe id of the instance ({@link AlertIds#instanceId}), used in paths
 * @param alertId the evaluator's id ({@code ruleId/deviceId/firedAtMillis})
 * @param acknowledgement who acknowledged it, when and why; null while nobody has
 * @param silenceId the silence that covered its firing, so that no notification went out; null when
 *     none did
 */
public record AlertResponse(
    UUID id,
    String alertId,
    String ruleId,
    long ruleVersion,
    String ruleName,
    String severity,
    String deviceId,
    AlertState state,
    @Nullable String metric,
    @Nullable Double value,
    String reason,
    Instant firedAt,
    @Nullable Instant resolvedAt,
    @Nullable String resolvedReason,
    @Nullable Acknowledgement acknowledgement,
    @Nullable UUID silenceId) {

  /** An operator's acknowledgement: the JWT subject, when, and an optional note. */
  public record Acknowledgement(String by, Instant at, @Nullable String note) {}
}
