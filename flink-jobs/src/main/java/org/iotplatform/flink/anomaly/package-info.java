/**
 * Anomaly scores: each device's own baseline learned from its stream (an exponentially weighted
 * mean and variance per metric, and a Random Cut Forest over its metrics together), and the job
 * that publishes a score in [0, 1] per reading on {@code iot.anomaly-scores.v1}.
 */
@NullMarked
package org.iotplatform.flink.anomaly;

import org.jspecify.annotations.NullMarked;
