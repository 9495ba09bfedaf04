package org.iotplatform.flink.telemetry;

/**
 * Why a telemetry record was rejected. The {@link #code()} is stable: dashboards and alerts on the
 * dead-letter topic may match on it.
 */
public enum RejectCode {
  /** The key is missing or not a valid device id. */
  DEVICE_ID_INVALID("device-id.invalid"),
  /** The tenant-id header is missing or cannot be stored as a tag. */
  TENANT_ID_INVALID("tenant-id.invalid"),
  /** The record has no value. */
  PAYLOAD_MISSING("payload.missing"),
  /** The value is not valid UTF-8. */
  PAYLOAD_NOT_UTF8("payload.not-utf8"),
  /** The value is not JSON. */
  PAYLOAD_MALFORMED_JSON("payload.malformed-json"),
  /** The value is JSON but not an object. */
  PAYLOAD_NOT_AN_OBJECT("payload.not-an-object"),
  /** {@code ts} is not an epoch-millisecond integer InfluxDB can store. */
  TIMESTAMP_INVALID("payload.ts-invalid"),
  /** {@code ts} is further ahead of the broker's receive time than the job allows (5 minutes). */
  TIMESTAMP_AHEAD("payload.ts-ahead"),
  /**
   * {@code ts} is older, against the broker's receive time, than the raw retention keeps points.
   */
  TIMESTAMP_TOO_OLD("payload.ts-too-old"),
  /** {@code metrics} is absent, not an object or empty. */
  METRICS_MISSING("payload.metrics-missing"),
  /** {@code metrics} holds more metrics than one message may carry. */
  METRICS_TOO_MANY("payload.too-many-metrics"),
  /** A metric name is empty, too long, reserved or has characters that cannot be stored. */
  METRIC_NAME_INVALID("metric.name-invalid"),
  /** A metric value is null, an array, an object or a string with control characters. */
  METRIC_VALUE_INVALID("metric.value-invalid"),
  /** A metric value is NaN or infinite, as a number too large for a double or as a string. */
  METRIC_NOT_FINITE("metric.not-finite"),
  /** A string metric is longer than the contract allows. */
  METRIC_STRING_TOO_LONG("metric.string-too-long"),
  /**
   * A number is outside the range its device type gives the metric. Only the offending metrics are
   * dropped; the detail names them and says what was stored (ADR 0014).
   */
  METRIC_OUT_OF_RANGE("metric.out-of-range");

  private final String code;

  RejectCode(String code) {
    this.code = code;
  }

  /** The stable code, for example {@code payload.malformed-json}. */
  public String code() {
    return code;
  }
}
