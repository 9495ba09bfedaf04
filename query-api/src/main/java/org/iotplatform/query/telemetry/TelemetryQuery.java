package org.iotplatform.query.telemetry;

import java.time.Instant;

/**
 * A validated query for the raw points of one metric of one device of one tenant in the half-open
 * range {@code [from, to)}, oldest first, at most {@code limit} points. Build it with {@link
 * TelemetryQueryParser}, which checks every component.
 *
 * @param tenant the caller's tenant: only points tagged with it are read
 */
record TelemetryQuery(
    String tenant, String deviceId, String metric, Instant from, Instant to, int limit) {}
