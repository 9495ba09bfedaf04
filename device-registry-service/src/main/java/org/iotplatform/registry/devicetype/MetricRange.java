package org.iotplatform.registry.devicetype;

import org.jspecify.annotations.Nullable;

/**
 * What a device type allows for one metric: its unit and valid range (inclusive, either bound may
 * be open). The Flink storage job drops numbers outside it from telemetry (ADR 0014).
 */
public record MetricRange(@Nullable String unit, @Nullable Double min, @Nullable Double max) {}
