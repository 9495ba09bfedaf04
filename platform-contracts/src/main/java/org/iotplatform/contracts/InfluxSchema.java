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
