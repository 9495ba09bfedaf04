package org.iotplatform.alerts.silence;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a silence covers: exactly one of some devices, a registry group (resolved to its devices
 * when the silence is created; {@code deviceIds} then holds them) or a rule.
 *
 * @param deviceIds the devices covered; for a group scope, the group's members at creation
 * @param group the group the operator named, for people; null unless the scope is a group
 * @param ruleId the rule covered (all its devices); null unless the scope is a rule
 */
public record SilenceScope(
    List<String> deviceIds, @Nullable String group, @Nullable String ruleId) {

  public SilenceScope {
    deviceIds = List.copyOf(deviceIds);
  }

  /** Whether an alert of {@code ruleId} on {@code deviceId} falls under this scope. */
  public boolean covers(String alertRuleId, String deviceId) {
    return ruleId != null ? ruleId.equals(alertRuleId) : deviceIds.contains(deviceId);
  }
}
