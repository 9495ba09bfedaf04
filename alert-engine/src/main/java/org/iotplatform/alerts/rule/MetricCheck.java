package org.iotplatform.alerts.rule;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which metrics of a rule no device type in its scope declares. Lenient on purpose, since the
 * directory only knows what the registry declared: a metric passes when no type in scope is known,
 * when a type in scope declares no metrics at all, or when it is one of {@link #WELL_KNOWN} (sent
 * by every device's heartbeat or by the anomaly job, declared or not).
 */
final class MetricCheck {

  /** Metrics every device may have without its type declaring them. */
  static final Set<String> WELL_KNOWN = Set.of("battery", "rssi", "anomaly_score");

  private MetricCheck() {}

  /**
   * @param metrics the rule's metrics
   * @param declared the metrics each known type in scope declares, by type
   * @return the metrics no type declares, in the rule's order; empty when all pass
   */
  static Set<String> unknown(Collection<String> metrics, Map<String, Set<String>> declared) {
    if (declared.isEmpty() || declared.values().stream().anyMatch(Set::isEmpty)) {
      return Set.of();
    }
    Set<String> unknown = new LinkedHashSet<>();
    for (String metric : metrics) {
      if (!WELL_KNOWN.contains(metric)
          && declared.values().stream().noneMatch(names -> names.contains(metric))) {
        unknown.add(metric);
      }
    }
    return unknown;
  }
}
