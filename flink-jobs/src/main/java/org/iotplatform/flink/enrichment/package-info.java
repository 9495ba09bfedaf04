/**
 * Enrichment of validated telemetry with the registry's device metadata from {@code
 * iot.devices.v1}: {@link org.iotplatform.flink.enrichment.TelemetryEnricher} keeps the latest
 * {@link org.iotplatform.flink.enrichment.DeviceInfo} per device as keyed state and stamps each
 * reading into {@link org.iotplatform.flink.enrichment.EnrichedTelemetry}.
 */
@NullMarked
package org.iotplatform.flink.enrichment;

import org.jspecify.annotations.NullMarked;
