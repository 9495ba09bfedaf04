package org.iotplatform.registry.group;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/groups}: {@code name} and {@code kind} are required; a dynamic
 * group needs a {@code filter}, a static one may list its first {@code members} (device ids).
 */
public record CreateGroupRequest(
    @Nullable String name,
    @Nullable GroupKind kind,
    @Nullable String description,
    @Nullable GroupFilter filter,
    @Nullable List<String> members) {}
