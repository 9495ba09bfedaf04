package org.iotplatform.contracts;

/**
 * The latest value of every metric of every device, kept in Redis by flink-jobs for query-api.
 *
 * <p>One hash per device, key {@code latest:{deviceId}} ({@link #key}); one field per metric, named
 * as the device named it; each value UTF-8 JSON:
 *
 * <pre>{"ts":1732280000123,"value":23.4,"tenantId":"acme"}</pre>
 *
 * {@code ts} is when the reading was taken (epoch milliseconds); {@code value} a JSON number,
 * boolean or string as the device sent it; {@code tenantId} the tenant the reading was stored
 * under, which a reader compares with the caller's tenant before answering.
 *
 * <p>A field only moves forward in time: a reading with a {@code ts} not later than the stored one
 * leaves it alone, so replays and late readings never overwrite newer values. Writes are batched,
 * so a value appears up to about a second after the reading was stored (at most one checkpoint
 * interval). Nothing expires: a deleted device's hash stays until it is removed by hand.
 */
public final class LatestValues {

  /** The prefix of every hash; the device id follows. */
  public static final String KEY_PREFIX = "latest:";

  /** JSON member: when the reading was taken, epoch milliseconds. */
  public static final String TS = "ts";

  /** JSON member: the value, a number, boolean or string. */
  public static final String VALUE = "value";

  /** JSON member: the tenant the reading belongs to. */
  public static final String TENANT_ID = "tenantId";

  private LatestValues() {}

  /** The hash of one device's latest values. */
  public static String key(String deviceId) {
    return KEY_PREFIX + deviceId;
  }
}
