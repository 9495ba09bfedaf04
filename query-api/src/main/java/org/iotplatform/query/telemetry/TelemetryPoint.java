package org.iotplatform.query.telemetry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One stored value of a metric.
 *
 * @param ts when the device measured it (or the broker received it, when the device sent no time)
 * @param value a number, a boolean or a string, as the device sent it
 */
record TelemetryPoint(
    Instant ts,
    @Schema(
            description = "A number, a boolean or a string, as the device sent it",
            oneOf = {Double.class, Boolean.class, String.class})
        Object value) {}
