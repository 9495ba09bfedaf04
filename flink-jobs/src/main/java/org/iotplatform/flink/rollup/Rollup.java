package org.iotplatform.flink.rollup;

/**
 * The aggregate of one metric of one series over one window. A window that receives late values is
 * emitted again with the same {@code windowStart}, so its InfluxDB point is overwritten.
 *
 * @param series the series and metric
 * @param windowStart the start of the window, epoch milliseconds: the point's timestamp
 * @param windowMillis the window's length: 60,000 or 3,600,000
 * @param min the smallest value
 * @param max the largest value
 * @param mean the arithmetic mean
 * @param count how many values, at least one
 */
public record Rollup(
    RollupKey series,
    long windowStart,
    long windowMillis,
    double min,
    double max,
    double mean,
    long count) {}
