package org.iotplatform.registry.device;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/v1/devices/{id}}: a component that is absent (or null) leaves the
 * field as it is; a present one replaces it whole (labels and metadata are not merged key by key).
 */
public record UpdateDeviceRequest(
    @Nullable String name,
    @Nullable Map<String, String> labels,
    @Nullable Location location,
    @Nullable Map<String, Object> metadata,
    @Nullable String firmwareVersion) {}
