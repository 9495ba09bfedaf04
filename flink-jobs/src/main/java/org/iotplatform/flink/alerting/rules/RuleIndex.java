package org.iotplatform.flink.alerting.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.jspecify.annotations.Nullable;

/**
 * The rules by id, and the enabled ones by tenant, then metric (or offline), then device for
 * device-list scopes: a reading looks up only the rules of its tenant that watch one of its metrics
 * and whose scope can include it, so its cost does not grow with the number of rules in the job.
 * Transient: rebuilt from the broadcast state after a restore. Not thread-safe (one per subtask).
 */
public final class RuleIndex {

  private static final String OFFLINE = "\u0000offline";

  private final Map<String, CompiledRule> byId = new HashMap<>();
  private final Map<String, Map<String, Bucket>> byTenant = new HashMap<>();

  /** Rules watching one metric (or offline) of one tenant. */
  private static final class Bucket {
    final Map<String, List<CompiledRule>> byDevice = new HashMap<>();
    final List<CompiledRule> others = new ArrayList<>();
  }

  /** Adds or replaces a rule. */
  public void put(CompiledRule rule) {
    remove(rule.ruleId());
    byId.put(rule.ruleId(), rule);
    if (!rule.enabled()) {
      return;
    }
    for (String key : keys(rule)) {
      Bucket bucket =
          byTenant
              .computeIfAbsent(rule.tenantId(), t -> new HashMap<>())
              .computeIfAbsent(key, k -> new Bucket());
      Scope scope = rule.snapshot().scope();
      if (Scope.DEVICES.equals(scope.kind())) {
        for (String deviceId : scope.deviceIds()) {
          bucket.byDevice.computeIfAbsent(deviceId, d -> new ArrayList<>()).add(rule);
        }
      } else {
        bucket.others.add(rule);
      }
    }
  }

  /** Removes a rule, if present. */
  public void remove(String ruleId) {
    CompiledRule old = byId.remove(ruleId);
    if (old == null || !old.enabled()) {
      return;
    }
    Map<String, Bucket> tenant = byTenant.get(old.tenantId());
    for (String key : keys(old)) {
      Bucket bucket = tenant.get(key);
      bucket.others.remove(old);
      bucket.byDevice.values().forEach(rules -> rules.remove(old));
      bucket.byDevice.values().removeIf(List::isEmpty);
      if (bucket.others.isEmpty() && bucket.byDevice.isEmpty()) {
        tenant.remove(key);
      }
    }
    if (tenant.isEmpty()) {
      byTenant.remove(old.tenantId());
    }
  }

  /** The rule of this id, enabled or not. */
  public @Nullable CompiledRule get(String ruleId) {
    return byId.get(ruleId);
  }

  /** The number of rules, enabled or not. */
  public int size() {
    return byId.size();
  }

  /**
   * Adds to {@code out} (once each) the enabled rules of {@code tenantId} watching {@code metric}
   * whose scope may include {@code deviceId}; the caller checks the scope of type and label rules.
   */
  public void collect(String tenantId, String deviceId, String metric, List<CompiledRule> out) {
    collectKey(tenantId, deviceId, metric, out);
  }

  /** Adds to {@code out} the enabled offline rules of the tenant that may include the device. */
  public void collectOffline(String tenantId, String deviceId, List<CompiledRule> out) {
    collectKey(tenantId, deviceId, OFFLINE, out);
  }

  private void collectKey(String tenantId, String deviceId, String key, List<CompiledRule> out) {
    Map<String, Bucket> tenant = byTenant.get(tenantId);
    Bucket bucket = tenant == null ? null : tenant.get(key);
    if (bucket == null) {
      return;
    }
    addNew(bucket.others, out);
    List<CompiledRule> listed = bucket.byDevice.get(deviceId);
    if (listed != null) {
      addNew(listed, out);
    }
  }

  private static void addNew(List<CompiledRule> rules, List<CompiledRule> out) {
    for (CompiledRule rule : rules) {
      // A rule with several leaves on the reading's metrics is found once per metric.
      if (!out.contains(rule)) {
        out.add(rule);
      }
    }
  }

  private static List<String> keys(CompiledRule rule) {
    if (rule.isOffline()) {
      return List.of(OFFLINE);
    }
    return rule.leaves().stream().map(Leaf::metric).distinct().toList();
  }
}
