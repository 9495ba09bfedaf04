package org.iotplatform.alerts.rule;

import org.jspecify.annotations.Nullable;

/**
 * What a rule list keeps; null fields keep everything.
 *
 * @param enabled only enabled or only disabled rules
 * @param severity only rules of this severity
 * @param deviceId only rules whose DEVICE scope or resolved GROUP names this device
 */
record RuleFilter(
    @Nullable Boolean enabled, @Nullable String severity, @Nullable String deviceId) {}
