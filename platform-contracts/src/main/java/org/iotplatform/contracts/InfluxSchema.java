package org.iotplatform.contracts;

/**
 * How telemetry is stored in InfluxDB (v1 API): one measurement, tags that identify the series, one
 * field per metric. A replayed point has the same series and timestamp, so it overwrites itself.
 */
public final class InfluxSchema {

  /** The database holding all telemetry. */
  public static final String DATABASE = "iot";

  /** Retention policy of raw points (30 days by default). */
  public static final String RAW_RETENTION_POLICY = "raw";

  /** Retention policy of 1-minute rollups (1 year by default). */
  public static final String ROLLUP_1M_RETENTION_POLICY = "rollup_1m";

  /** Retention policy of 1-hour rollups (forever by default). */
  public static final String ROLLUP_1H_RETENTION_POLICY = "rollup_1h";

  /**
   * The measurement of rollup points, in {@link #ROLLUP_1M_RETENTION_POLICY} and {@link
   * #ROLLUP_1H_RETENTION_POLICY}: one point per series, {@link #TAG_METRIC} and window, timestamped
   * with the window's start, with the fields {@link #FIELD_MIN}, {@link #FIELD_MAX}, {@link
   * #FIELD_MEAN} (floats) and {@link #FIELD_COUNT} (integer). Only numeric metrics are rolled up. A
   * window updated by late readings is written again and overwrites its point.
   */
  public static final String ROLLUP_MEASUREMENT = "telemetry_rollup";

  /** Tag of rollup points: the metric name. */
  public static final String TAG_METRIC = "metric";

  public static final String FIELD_MIN = "min";
  public static final String FIELD_MAX = "max";
  public static final String FIELD_MEAN = "mean";
  public static final String FIELD_COUNT = "count";

  /** The measurement of raw telemetry points. */
  public static final String TELEMETRY_MEASUREMENT = "telemetry";

  public static final String TAG_DEVICE_ID = "device_id";
  public static final String TAG_TENANT_ID = "tenant_id";
  public static final String TAG_DEVICE_TYPE = "device_type";

  /**
   * The {@link #TAG_DEVICE_TYPE} of points of a device whose registry snapshot the storage job has
   * not seen (yet): their {@link #TAG_TENANT_ID} is then the one of the telemetry record's {@code
   * tenant-id} header.
   */
  public static final String UNKNOWN_DEVICE_TYPE = "unknown";

  private InfluxSchema() {}
}
