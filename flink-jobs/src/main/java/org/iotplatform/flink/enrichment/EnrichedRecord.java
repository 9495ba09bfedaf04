package org.iotplatform.flink.enrichment;

import org.iotplatform.flink.telemetry.TelemetryRecord;

/**
 * An enriched reading together with the record it was read from, between enrichment and the range
 * check: a reading found out of range there goes to the dead-letter topic as it arrived. The sinks
 * get the {@link #telemetry} alone.
 *
 * @param telemetry the reading, enriched
 * @param record the record as read from {@code iot.telemetry.v1}
 * @param deviceKnown whether a snapshot of the device was known, that is whether {@code
 *     telemetry.deviceType()} is the registry's and not a stand-in
 */
public record EnrichedRecord(
    EnrichedTelemetry telemetry, TelemetryRecord record, boolean deviceKnown) {}
