package org.iotplatform.flink.alerting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;

/**
 * A rule ready to evaluate: its snapshot, and its condition's leaves in tree order (a state per
 * (rule, device) keeps one leaf state at each position). Immutable.
 */
public final class CompiledRule {

  private final AlertRuleSnapshot snapshot;
  private final List<Leaf> leaves;

  private CompiledRule(AlertRuleSnapshot snapshot, List<Leaf> leaves) {
    this.snapshot = snapshot;
    this.leaves = leaves;
  }

  /** The rule of {@code snapshot}; throws if {@link #isValid} is false. */
  public static CompiledRule of(AlertRuleSnapshot snapshot) {
    if (!snapshot.condition().isWellFormed()) {
      throw new IllegalArgumentException("condition of rule " + snapshot.ruleId() + " malformed");
    }
    List<Leaf> leaves = new ArrayList<>();
    collectLeaves(snapshot.condition(), leaves);
    return new CompiledRule(snapshot, List.copyOf(leaves));
  }

  /**
   * Whether the snapshot is complete and its condition can be evaluated: a broken producer might
   * write nulls the contract forbids.
   */
  public static boolean isValid(AlertRuleSnapshot snapshot) {
    if (snapshot.ruleId() == null
        || snapshot.tenantId() == null
        || snapshot.name() == null
        || snapshot.severity() == null
        || snapshot.scope() == null
        || snapshot.scope().kind() == null
        || snapshot.condition() == null
        || snapshot.cooldownMillis() < 0) {
      return false;
    }
    try {
      of(snapshot);
      return true;
    } catch (RuntimeException e) {
      // An operator the evaluator does not know, or != with hysteresis.
      return false;
    }
  }

  private static void collectLeaves(Condition condition, List<Leaf> leaves) {
    switch (condition.type()) {
      case Condition.ALL, Condition.ANY ->
          condition.conditions().forEach(child -> collectLeaves(child, leaves));
      case Condition.OFFLINE -> {}
      default -> leaves.add(Leaf.of(condition));
    }
  }

  public AlertRuleSnapshot snapshot() {
    return snapshot;
  }

  public String ruleId() {
    return snapshot.ruleId();
  }

  public String tenantId() {
    return snapshot.tenantId();
  }

  public boolean enabled() {
    return snapshot.enabled();
  }

  public List<Leaf> leaves() {
    return leaves;
  }

  /** Whether the condition is an offline condition (always the whole tree). */
  public boolean isOffline() {
    return Condition.OFFLINE.equals(snapshot.condition().type());
  }

  /** For an offline rule: the silence that makes a device offline, milliseconds. */
  public long offlineAfterMillis() {
    return snapshot.condition().afterMillis();
  }

  /** Whether the rule is a single threshold or rate. */
  public boolean isSingleLeaf() {
    return leaves.size() == 1 && !isComposite();
  }

  private boolean isComposite() {
    String type = snapshot.condition().type();
    return Condition.ALL.equals(type) || Condition.ANY.equals(type);
  }

  /** Whether the rule is enabled and watches this device of this tenant. */
  public boolean appliesTo(
      String tenantId, String deviceId, String type, Map<String, String> labels) {
    return snapshot.enabled()
        && snapshot.tenantId().equals(tenantId)
        && snapshot.scope().covers(deviceId, type, labels);
  }

  /**
   * Whether {@code next} evaluates like this rule, so that alerts it holds stay active: the same
   * tenant, scope and condition (name, severity, cooldown and enabled may differ).
   */
  public boolean evaluatesLike(CompiledRule next) {
    return snapshot.tenantId().equals(next.snapshot.tenantId())
        && Objects.equals(snapshot.scope(), next.snapshot.scope())
        && Objects.equals(snapshot.condition(), next.snapshot.condition());
  }

  /** Whether the condition holds when each leaf (in tree order) holds as {@code leafHolds} says. */
  public boolean holds(boolean[] leafHolds) {
    return holds(snapshot.condition(), leafHolds, new int[1]);
  }

  private static boolean holds(Condition condition, boolean[] leafHolds, int[] next) {
    return switch (condition.type()) {
      case Condition.ALL -> {
        boolean all = true;
        for (Condition child : condition.conditions()) {
          // No short cut: every child moves the leaf cursor.
          all &= holds(child, leafHolds, next);
        }
        yield all;
      }
      case Condition.ANY -> {
        boolean any = false;
        for (Condition child : condition.conditions()) {
          any |= holds(child, leafHolds, next);
        }
        yield any;
      }
      default -> leafHolds[next[0]++];
    };
  }

  /** The condition for people: {@code all of [temperature > 40.0, humidity < 20.0]}. */
  public String describe() {
    return describe(snapshot.condition(), new int[1]);
  }

  private String describe(Condition condition, int[] next) {
    return switch (condition.type()) {
      case Condition.ALL, Condition.ANY -> {
        List<String> parts = new ArrayList<>();
        for (Condition child : condition.conditions()) {
          parts.add(describe(child, next));
        }
        yield (Condition.ALL.equals(condition.type()) ? "all of " : "any of ") + parts;
      }
      case Condition.OFFLINE -> "offline";
      default -> leaves.get(next[0]++).describe();
    };
  }
}
