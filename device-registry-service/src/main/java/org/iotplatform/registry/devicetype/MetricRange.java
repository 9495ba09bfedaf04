package org.iotplatform.registry.devicetype;

import org.jspecify.annotations.Nullable;

/**
 * What a device type allows for one metric: its unit and valid range (inclusive, either bound may
 * be open). Telemetry validation will reject values outside it.
 */
public record MetricRange(@Nullable String unit, @Nullable Double min, @Nullable Double max) {}
