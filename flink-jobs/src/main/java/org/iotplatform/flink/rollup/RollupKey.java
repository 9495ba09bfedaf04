package org.iotplatform.flink.rollup;

/**
 * What a rollup is computed per: the InfluxDB series of the raw points (device, tenant, device
 * type) and one metric. Keying by the whole series rather than the device alone keeps each rollup
 * point in the series of the raw points it summarises, also while a device is still {@code
 * unknown}.
 *
 * @param deviceId the device
 * @param tenantId the tenant of its points
 * @param deviceType the device type of its points
 * @param metric the metric name
 */
public record RollupKey(String deviceId, String tenantId, String deviceType, String metric) {}
