/**
 * The latest value per device and metric in Redis, in the layout of {@link
 * org.iotplatform.contracts.LatestValues}: {@link org.iotplatform.flink.latest.LatestValueSink}
 * batches readings and writes only those newer than what Redis holds.
 */
@NullMarked
package org.iotplatform.flink.latest;

import org.jspecify.annotations.NullMarked;
