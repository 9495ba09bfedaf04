package org.iotplatform.flink.latest;

/**
 * One metric's value to store, already rendered.
 *
 * @param metric the metric name, the hash field
 * @param timestamp when the reading was taken, epoch milliseconds
 * @param json the field's value as {@link org.iotplatform.contracts.LatestValues} specifies it
 */
record LatestValue(String metric, long timestamp, String json) {}
