package org.iotplatform.alerts.rule;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule's scope in the REST API: {@code {"kind":"DEVICE","deviceId":"..."}}, {@code
 * {"kind":"GROUP","group":"..."}}, {@code {"kind":"TYPE","deviceType":"..."}}, {@code
 * {"kind":"LABELS","labels":{...}}} or {@code {"kind":"TENANT"}}.
 */
public record ScopeBody(
    @Nullable String kind,
    @Nullable String deviceId,
    @Nullable String group,
    @Nullable String deviceType,
    @Nullable Map<String, String> labels) {

  static final String DEVICE = "DEVICE";
  static final String GROUP = "GROUP";
  static final String TYPE = "TYPE";
  static final String LABELS = "LABELS";
  static final String TENANT = "TENANT";
}
