package org.iotplatform.alerts.rule;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule as the API shows it; {@code version} is also the ETag.
 *
 * @param deviceIds the devices a DEVICE scope names, or the group's members as resolved when the
 *     rule was last saved; empty for the other scopes
 * @param condition the expanded tree (shorthands shown as the thresholds they stand for)
 */
public record RuleResponse(
    String id,
    String name,
    @Nullable String description,
    ScopeBody scope,
    List<String> deviceIds,
    ConditionBody condition,
    String severity,
    String cooldown,
    boolean enabled,
    List<String> channels,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
