package org.iotplatform.flink.alerting.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.flink.alerting.rules.CompiledRule;
import org.iotplatform.flink.alerting.rules.RuleIndex;
import org.iotplatform.flink.enrichment.DeviceInfo;
import org.iotplatform.flink.enrichment.Label;

/**
 * The device being evaluated, as rules see it.
 *
 * @param deviceId the device
 * @param info its registry state (or what its messages tell while it has none)
 * @param labels its labels as a map, for label scopes
 */
record Subject(String deviceId, DeviceInfo info, Map<String, String> labels) {

  static Subject of(String deviceId, DeviceInfo info) {
    if (info.labels().isEmpty()) {
      return new Subject(deviceId, info, Map.of());
    }
    Map<String, String> labels = new HashMap<>();
    for (Label label : info.labels()) {
      labels.put(label.key(), label.value());
    }
    return new Subject(deviceId, info, labels);
  }

  String tenantId() {
    return info.tenantId();
  }

  /** Whether {@code rule} is enabled and watches this device. */
  boolean isWatchedBy(CompiledRule rule) {
    return rule.appliesTo(info.tenantId(), deviceId, info.type(), labels);
  }

  /** The enabled offline rules watching this device. */
  List<CompiledRule> offlineRules(RuleIndex rules, List<CompiledRule> scratch) {
    scratch.clear();
    rules.collectOffline(info.tenantId(), deviceId, scratch);
    scratch.removeIf(rule -> !isWatchedBy(rule));
    return scratch;
  }
}
