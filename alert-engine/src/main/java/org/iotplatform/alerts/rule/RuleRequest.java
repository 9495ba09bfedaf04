package org.iotplatform.alerts.rule;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule as a client creates or replaces it.
 *
 * @param name for people, 1 to 200 characters
 * @param description optional, up to 2000 characters
 * @param scope which devices the rule watches
 * @param condition when an alert fires
 * @param severity {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL} (any case)
 * @param cooldown ISO-8601, after a resolved alert how long the rule stays quiet; none when absent
 * @param enabled true when absent
 * @param channels ids of the tenant's channels to notify, in order; none when absent
 */
public record RuleRequest(
    @Nullable String name,
    @Nullable String description,
    @Nullable ScopeBody scope,
    @Nullable ConditionBody condition,
    @Nullable String severity,
    @Nullable String cooldown,
    @Nullable Boolean enabled,
    @Nullable List<String> channels) {}
