package org.iotplatform.registry.group;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group as the API shows it; {@code filter} is null for a static group, and {@code version} is
 * also sent as the ETag.
 */
public record GroupResponse(
    UUID id,
    String name,
    @Nullable String description,
    GroupKind kind,
    @Nullable GroupFilter filter,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
