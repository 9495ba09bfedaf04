package org.iotplatform.registry.devicetype;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/device-types}; components are checked by the validation. */
public record DeviceTypeRequest(
    @Nullable String name, @Nullable Map<String, MetricRange> metrics) {}
