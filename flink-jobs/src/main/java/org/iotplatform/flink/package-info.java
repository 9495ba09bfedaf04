/**
 * Flink jobs of the platform, one package per feature: {@code telemetry} turns Kafka records into
 * validated telemetry, {@code storage} writes it to InfluxDB.
 */
@NullMarked
package org.iotplatform.flink;

import org.jspecify.annotations.NullMarked;
