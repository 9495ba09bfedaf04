package org.iotplatform.registry.device;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/devices}; {@code id} and {@code type} are required. */
public record CreateDeviceRequest(
    @Nullable String id,
    @Nullable String type,
    @Nullable String name,
    @Nullable Map<String, String> labels,
    @Nullable Location location,
    @Nullable Map<String, Object> metadata,
    @Nullable String firmwareVersion) {}
