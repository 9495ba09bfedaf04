package org.iotplatform.registry.group;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/v1/groups/{group}}: an absent (or null) component leaves the field
 * as it is, a present one replaces it whole. {@code kind} cannot change; it may be sent only with
 * the group's current value.
 */
public record UpdateGroupRequest(
    @Nullable String name,
    @Nullable GroupKind kind,
    @Nullable String description,
    @Nullable GroupFilter filter) {}
