package org.iotplatform.alerts.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One alert event as a message lists it.
 *
 * @param id the alert's id in the REST API
 * @param alertId the evaluator's id of the alert
 * @param event {@code FIRED} or {@code RESOLVED}
 * @param at when the event's cause happened
 */
public record NotificationItem(
    UUID id,
    String alertId,
    String event,
    String deviceId,
    @Nullable String metric,
    @Nullable Double value,
    String reason,
    Instant at) {}
