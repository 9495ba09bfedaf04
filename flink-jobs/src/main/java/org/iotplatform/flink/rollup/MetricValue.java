package org.iotplatform.flink.rollup;

/**
 * One numeric reading of one metric, the input of the rollup windows.
 *
 * @param series the series and metric
 * @param timestamp when the reading was taken, epoch milliseconds (its event time)
 * @param value the reading, finite
 */
public record MetricValue(RollupKey series, long timestamp, double value) {}
