package org.iotplatform.contracts;

/**
 * Kafka topic names. Records are keyed by device id unless a topic says otherwise; names carry a
 * version so a format can change by adding a topic.
 */
public final class KafkaTopics {

  /**
   * Device telemetry: value = the device's MQTT payload bytes, untouched; headers per {@link
   * KafkaHeaders}. Bridge to flink-jobs and query-api.
   */
  public static final String TELEMETRY = "iot.telemetry.v1";

  /** Connected, disconnected and heartbeat events. Bridge to registry and flink-jobs. */
  public static final String DEVICE_EVENTS = "iot.device-events.v1";

  /** Device shadow requests. Bridge to shadow-service. */
  public static final String SHADOW = "iot.shadow.v1";

  /**
   * Every change of a device shadow, for dashboards and audit: the previous and current documents
   * as JSON, {@code {"deviceId","shadowName","tenantId","operation","previous","current",
   * "changedAt"}}. Shadow-service to anyone who wants it.
   */
  public static final String SHADOW_CHANGES = "iot.shadow-changes.v1";

  /** Messages to publish to one device. Any service to the bridge. */
  public static final String DOWNLINK = "iot.downlink.v1";

  /** Compacted snapshot of device metadata and credential state. Registry to flink-jobs, bridge. */
  public static final String DEVICES = "iot.devices.v1";

  /**
   * Compacted device types with their metric ranges, keyed by {@link DeviceTypeSnapshot#key}
   * (tenant and type name: type names are unique per tenant only). Registry to flink-jobs.
   */
  public static final String DEVICE_TYPES = "iot.device-types.v1";

  /**
   * Compacted alert rules, keyed by rule id, values {@link AlertRuleSnapshot}. Alert-engine to
   * flink-jobs.
   */
  public static final String ALERT_RULES = "iot.alert-rules.v1";

  /**
   * Alert fired and resolved events, values {@link AlertEvent}. Flink-jobs to alert-engine and
   * query-api.
   */
  public static final String ALERTS = "iot.alerts.v1";

  /**
   * Anomaly scores computed from each device's own readings, as telemetry: the value is a {@link
   * TelemetryPayload} such as {@code {"ts":1732280000123,"metrics":{"anomaly_score":0.93}}} whose
   * {@code ts} is the scored reading's, headers {@link KafkaHeaders#TENANT_ID} and {@link
   * KafkaHeaders#RECEIVED_AT} as on telemetry. The anomaly job to the storage job (which stores
   * them beside the readings) and the alert evaluation job.
   */
  public static final String ANOMALY_SCORES = "iot.anomaly-scores.v1";

  /** OTA job progress reported by devices. Bridge to ota-campaign-service. */
  public static final String OTA = "iot.ota.v1";

  /** Telemetry records rejected by validation, with the reason. Written by flink-jobs. */
  public static final String TELEMETRY_DLQ = "iot.telemetry.dlq.v1";

  private KafkaTopics() {}
}
