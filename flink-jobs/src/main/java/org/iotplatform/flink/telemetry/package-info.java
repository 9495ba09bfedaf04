/**
 * Telemetry as it comes off Kafka ({@link org.iotplatform.flink.telemetry.TelemetryRecord}) and as
 * it leaves validation ({@link org.iotplatform.flink.telemetry.Telemetry} or {@link
 * org.iotplatform.flink.telemetry.RejectedTelemetry}), with the Kafka source and dead-letter sink
 * that every telemetry job shares.
 */
@NullMarked
package org.iotplatform.flink.telemetry;

import org.jspecify.annotations.NullMarked;
