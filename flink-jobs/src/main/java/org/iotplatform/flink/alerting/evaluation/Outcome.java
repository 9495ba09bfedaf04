package org.iotplatform.flink.alerting.evaluation;

import org.iotplatform.contracts.AlertEvent;
import org.jspecify.annotations.Nullable;

/**
 * A change of an alert's state, before it becomes an {@link AlertEvent}.
 *
 * @param kind {@link AlertEvent#FIRED} or {@link AlertEvent#RESOLVED}
 * @param at when the cause happened, epoch milliseconds
 * @param metric the metric of the reading that caused it, or null
 * @param value the value compared (a rate for rate conditions), or null
 * @param reason what happened, for people
 */
public record Outcome(
    String kind, long at, @Nullable String metric, @Nullable Double value, String reason) {}
