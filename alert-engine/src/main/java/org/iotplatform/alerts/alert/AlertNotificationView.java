package org.iotplatform.alerts.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The delivery state of one notification of an alert event to one channel.
 *
 * @param event {@code FIRED} or {@code RESOLVED}
 * @param state {@code WAITING} (collected for the channel's next grouped message), {@code PENDING}
 *     (due or retrying), {@code SENT} or {@code DEAD} (given up after the last attempt)
 * @param deliveryId the message that carries it; null while {@code WAITING}
 * @param lastError why the last attempt failed; null if none did
 */
public record AlertNotificationView(
    String event,
    String channelId,
    String channelKind,
    String state,
    @Nullable UUID deliveryId,
    int attempts,
    @Nullable String lastError,
    @Nullable Instant sentAt) {}
