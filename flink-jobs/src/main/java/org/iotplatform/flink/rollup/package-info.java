/**
 * Rollups of numeric metrics: min, max, mean and count per series and metric in tumbling event-time
 * windows ({@link org.iotplatform.flink.rollup.Rollups}), with late updates rewriting the window's
 * result.
 */
@NullMarked
package org.iotplatform.flink.rollup;

import org.jspecify.annotations.NullMarked;
