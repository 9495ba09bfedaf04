package org.iotplatform.registry.device;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A device as the API shows it; {@code version} is also sent as the ETag. */
public record DeviceResponse(
    String id,
    String type,
    @Nullable String name,
    Map<String, String> labels,
    @Nullable Location location,
    Map<String, Object> metadata,
    @Nullable String firmwareVersion,
    DeviceStatus status,
    @Nullable Instant lastSeen,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
