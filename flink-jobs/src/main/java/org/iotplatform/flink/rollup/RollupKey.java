package org.iotplatform.flink.rollup;

/**
 * What a rollup is computed per: the InfluxDB series of the raw points (device, tenant, device
 * type) and one metric. Keying by the whole series rather than the device alone keeps each rollup
 * point in the series of the raw points it summarises, also while a device is still {@code
 * unknown}.
 *
 * <p>{@code equals} and {@code hashCode} are written out: the window operator calls them for every
 * reading (its state and timers are hash maps by key), and a profile of the storage job showed the
 * record's generated ones, which go through method handles, as its hottest frames.
 *
 * @param deviceId the device
 * @param tenantId the tenant of its points
 * @param deviceType the device type of its points
 * @param metric the metric name
 */
public record RollupKey(String deviceId, String tenantId, String deviceType, String metric) {

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof RollupKey key
            && deviceId.equals(key.deviceId)
            && metric.equals(key.metric)
            && tenantId.equals(key.tenantId)
            && deviceType.equals(key.deviceType);
  }

  @Override
  public int hashCode() {
    int hash = deviceId.hashCode();
    hash = 31 * hash + tenantId.hashCode();
    hash = 31 * hash + deviceType.hashCode();
    return 31 * hash + metric.hashCode();
  }
}
