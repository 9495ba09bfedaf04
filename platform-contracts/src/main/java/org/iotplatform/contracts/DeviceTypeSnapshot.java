package org.iotplatform.contracts;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The value of a record on {@link KafkaTopics#DEVICE_TYPES} (compacted): the state of one device
 * type after a change, written by the registry. The key is {@link #key(String, String)} of the
 * tenant and the type name (UTF-8), since type names are unique per tenant only; the value is this
 * record as UTF-8 JSON:
 *
 * <pre>{"tenantId":"default","name":"thermometer","metrics":{"temperature":{"unit":"Cel",
 * "min":-40.0,"max":85.0},"battery":{"unit":"%","min":null,"max":null}},"version":2,
 * "updatedAt":"2024-11-22T13:00:00Z"}</pre>
 *
 * <p>A deleted device type is a tombstone: the key with a null value. Delivery is at least once, in
 * order per type; a consumer keeps the snapshot with the highest {@code version} and ignores an
 * older or equal one it sees again. Every snapshot holds all metrics of the type: a metric missing
 * from it has no range any more.
 *
 * @param tenantId the tenant the type belongs to
 * @param name the type name, as in {@link DeviceSnapshot#type()}; unique within the tenant
 * @param metrics metric name to what the type allows for it
 * @param version the registry's row version: grows with every change of the type
 * @param updatedAt when the type last changed, ISO-8601
 */
public record DeviceTypeSnapshot(
    String tenantId,
    String name,
    Map<String, MetricRange> metrics,
    long version,
    Instant updatedAt) {

  public DeviceTypeSnapshot {
    metrics = Map.copyOf(metrics);
  }

  /**
   * The record key of a device type: {@code tenantId + "/" + name}. A type name never contains a
   * slash, so the last slash separates the two.
   */
  public static String key(String tenantId, String name) {
    return tenantId + "/" + name;
  }

  /**
   * What a device type allows for one metric. Telemetry with a number outside {@code [min, max]}
   * (inclusive) for this metric is out of range; booleans and strings are not checked.
   *
   * @param unit the unit, for people (e.g. {@code Cel}, {@code %}), or null
   * @param min the smallest valid value, or null for no lower bound
   * @param max the largest valid value, or null for no upper bound
   */
  public record MetricRange(@Nullable String unit, @Nullable Double min, @Nullable Double max) {}
}
