package org.iotplatform.alerts.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One transition of an alert: {@code FIRED} and {@code RESOLVED} from the evaluator (at the event's
 * time), {@code ACKNOWLEDGED} by an operator ({@code actor} is the JWT subject).
 *
 * @param silenceId the silence that kept this transition from being notified; null if none
 */
public record AlertHistoryEntry(
    String kind,
    Instant at,
    @Nullable String actor,
    @Nullable String note,
    @Nullable UUID silenceId) {}
