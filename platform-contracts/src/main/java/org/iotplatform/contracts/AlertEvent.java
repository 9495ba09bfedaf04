package org.iotplatform.contracts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The value of a record on {@link KafkaTopics#ALERTS}: an alert of one rule on one device fired or
 * resolved, written by the alert evaluation job. The key is the device id (UTF-8); the value is
 * this record as UTF-8 JSON:
 *
 * <pre>
 * {"eventId":"5d0c.../freezer-7/1732280000123/FIRED","alertId":"5d0c.../freezer-7/1732280000123",
 * "kind":"FIRED","tenantId":"default","ruleId":"5d0c...","ruleVersion":3,
 * "ruleName":"Freezer too warm","severity":"HIGH","deviceId":"freezer-7",
 * "metric":"temperature","value":-12.5,"at":"2024-11-22T13:00:00.123Z",
 * "firedAt":"2024-11-22T13:00:00.123Z","reason":"temperature -12.5 > -15.0 for 3 readings",
 * "emittedAt":"2024-11-22T13:00:00.180Z"}</pre>
 *
 * <p><b>Identity.</b> One firing of a rule on a device is one alert: {@code alertId} is {@link
 * #alertId(String, String, Instant) ruleId/deviceId/firedAt-millis}, the same on its FIRED and its
 * RESOLVED event, and {@code eventId} adds the kind. Both are derived from the evaluator's state,
 * so an event replayed after a restart carries the same ids: consumers deduplicate on {@code
 * eventId}.
 *
 * <p><b>Delivery.</b> At least once, in order per device. A RESOLVED event follows its FIRED one.
 * At most one alert per rule and device is active at a time.
 *
 * @param eventId {@code alertId + "/" + kind}
 * @param alertId the alert this event belongs to
 * @param kind {@link #FIRED} or {@link #RESOLVED}
 * @param tenantId the rule's and device's tenant
 * @param ruleId the rule
 * @param ruleVersion the rule's version that fired or resolved it
 * @param ruleName the rule's name then, for people
 * @param severity the rule's severity then, one of {@link AlertRuleSnapshot#SEVERITIES}
 * @param deviceId the device
 * @param metric the metric whose reading caused the event; null for offline alerts and for
 *     resolutions that no reading caused
 * @param value that reading's value; null when {@code metric} is
 * @param at when the cause happened: the reading's event time, or the processing time an offline
 *     timer or rule change acted
 * @param firedAt when the alert fired ({@code at} of its FIRED event)
 * @param reason what happened, for people, e.g. {@code temperature 41.2 > 40.0 for 3 readings},
 *     {@code no message for PT5M}, {@code rule deleted}
 * @param emittedAt when the evaluator emitted the event (processing time)
 */
public record AlertEvent(
    String eventId,
    String alertId,
    String kind,
    String tenantId,
    String ruleId,
    long ruleVersion,
    String ruleName,
    String severity,
    String deviceId,
    @Nullable String metric,
    @Nullable Double value,
    Instant at,
    Instant firedAt,
    String reason,
    Instant emittedAt) {

  /** {@link #kind()} of an alert that started. */
  public static final String FIRED = "FIRED";

  /** {@link #kind()} of an alert that ended. */
  public static final String RESOLVED = "RESOLVED";

  /** The id of the alert of {@code ruleId} on {@code deviceId} that fired at {@code firedAt}. */
  public static String alertId(String ruleId, String deviceId, Instant firedAt) {
    return ruleId + "/" + deviceId + "/" + firedAt.toEpochMilli();
  }

  /** The id of the event of {@code kind} of alert {@code alertId}. */
  public static String eventId(String alertId, String kind) {
    return alertId + "/" + kind;
  }
}
