package org.iotplatform.alerts.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message to one channel as the REST API shows it.
 *
 * @param state {@code PENDING} (due or waiting for its next attempt), {@code SENT} or {@code DEAD}
 * @param text the message's summary line
 * @param lastError why the last attempt failed; null if none did
 */
public record DeliveryResponse(
    UUID id,
    String ruleId,
    String channelId,
    String channelKind,
    String state,
    int attempts,
    @Nullable String lastError,
    int fired,
    int resolved,
    String text,
    Instant createdAt,
    Instant nextAttemptAt,
    @Nullable Instant sentAt) {}
