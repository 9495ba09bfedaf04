package org.iotplatform.alerts.alert;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the alert list; each null one is not applied. {@code firedFrom} is inclusive,
 * {@code firedTo} exclusive.
 */
record AlertFilter(
    @Nullable AlertState state,
    @Nullable String severity,
    @Nullable String ruleId,
    @Nullable String deviceId,
    @Nullable Instant firedFrom,
    @Nullable Instant firedTo) {}
