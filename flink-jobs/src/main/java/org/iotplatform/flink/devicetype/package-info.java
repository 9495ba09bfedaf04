/**
 * The device types of {@code iot.device-types.v1} and the range check of enriched telemetry against
 * them: {@link org.iotplatform.flink.devicetype.MetricRangeValidator} keeps every type as broadcast
 * state and drops numbers outside their metric's range to the dead-letter topic (ADR 0014).
 */
@NullMarked
package org.iotplatform.flink.devicetype;

import org.jspecify.annotations.NullMarked;
