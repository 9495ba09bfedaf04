package org.iotplatform.alerts.channel;

import org.jspecify.annotations.Nullable;

/**
 * Published (as a Spring application event, inside the changing transaction) when the channels a
 * rule names, or a channel itself, changed: the directory's cache forgets them once it commits.
 *
 * @param tenantId the rule's tenant
 * @param ruleId the rule, or null when a channel changed (then every rule may be concerned)
 */
public record RuleChannelsChanged(String tenantId, @Nullable String ruleId) {}
