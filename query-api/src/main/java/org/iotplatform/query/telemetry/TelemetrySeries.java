package org.iotplatform.query.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a telemetry query.
 *
 * @param deviceId the device asked for
 * @param metric the metric asked for
 * @param from start of the range, inclusive
 * @param to end of the range, exclusive
 * @param points the points in the range, oldest first, at most the query's limit
 */
record TelemetrySeries(
    String deviceId, String metric, Instant from, Instant to, List<TelemetryPoint> points) {}
