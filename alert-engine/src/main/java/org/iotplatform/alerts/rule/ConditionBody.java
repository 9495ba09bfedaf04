package org.iotplatform.alerts.rule;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A condition in the REST API: the contract's tree ({@code THRESHOLD}, {@code RATE}, {@code
 * OFFLINE}, {@code ALL}, {@code ANY}) with durations as ISO-8601 strings ({@code PT30S}), plus two
 * shorthands accepted on input: {@code {"type":"BATTERY_LOW","below":15}} (threshold {@code battery
 * LT 15}) and {@code {"type":"ANOMALY","above":0.8}} (threshold {@code anomaly_score GT 0.8}).
 * Answers always show the expanded tree.
 *
 * @param operator {@code GT GE LT LE EQ NE BETWEEN OUTSIDE}, or {@code > >= < <= == !=}
 * @param consecutive breaching readings in a row, 1 when absent
 * @param sustainFor how long the breach must last, ISO-8601; none when absent
 * @param hysteresis how far past the bound a reading must be to clear, 0 when absent
 * @param after for OFFLINE: the silence that makes a device offline, ISO-8601
 */
public record ConditionBody(
    @Nullable String type,
    @Nullable String metric,
    @Nullable String operator,
    @Nullable Double value,
    @Nullable Double upper,
    @Nullable Integer consecutive,
    @Nullable String sustainFor,
    @Nullable Double hysteresis,
    @Nullable String after,
    @Nullable List<ConditionBody> conditions,
    @Nullable Double below,
    @Nullable Double above) {}
