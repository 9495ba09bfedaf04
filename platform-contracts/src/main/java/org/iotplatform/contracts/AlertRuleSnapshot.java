package org.iotplatform.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The value of a record on {@link KafkaTopics#ALERT_RULES} (compacted): one alert rule after a
 * change, written by alert-engine through its outbox. The key is the rule id (UTF-8); the value is
 * this record as UTF-8 JSON:
 *
 * <pre>{"ruleId":"5d0c...","tenantId":"default","name":"Freezer too warm","version":3,
 * "enabled":true,"severity":"HIGH","scope":{"kind":"TYPE","deviceIds":[],"deviceType":"freezer",
 * "labels":{},"group":null},"condition":{"type":"THRESHOLD","metric":"temperature",
 * "operator":"GT","value":-15.0,"upper":null,"consecutive":3,"sustainForMillis":0,
 * "hysteresis":0.5,"afterMillis":0,"conditions":[]},"cooldownMillis":300000,
 * "updatedAt":"2026-11-22T13:00:00Z"}</pre>
 *
 * <p>A deleted rule is a tombstone: the key with a null value. Delivery is at least once, in order
 * per rule; a consumer keeps the snapshot with the highest {@code version} and ignores an older or
 * equal one it sees again. Every snapshot is complete. A rule that is deleted, disabled, or whose
 * scope, tenant or condition changed ends the alerts it holds active (the evaluator resolves them);
 * a change of name, severity or cooldown alone keeps them.
 *
 * <p>Alert-engine validates rules before it publishes them; an evaluator still skips (and counts) a
 * record it cannot read or whose condition is not {@link Condition#isWellFormed() well formed}.
 *
 * @param ruleId the rule's id (a UUID); equal to the record key
 * @param tenantId the tenant the rule belongs to: it applies only to that tenant's devices
 * @param name a name for people
 * @param version grows with every change of the rule
 * @param enabled a disabled rule is kept but evaluates nothing
 * @param severity one of {@link #SEVERITIES}
 * @param scope which of the tenant's devices the rule watches
 * @param condition when an alert fires
 * @param cooldownMillis after an alert resolves, how long the same rule and device may not fire
 *     again, milliseconds; 0 for no cooldown
 * @param updatedAt when the rule last changed, ISO-8601
 */
public record AlertRuleSnapshot(
    String ruleId,
    String tenantId,
    String name,
    long version,
    boolean enabled,
    String severity,
    Scope scope,
    Condition condition,
    long cooldownMillis,
    Instant updatedAt) {

  /** The severities, least urgent first. */
  public static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  /**
   * Which devices of the rule's tenant a rule watches.
   *
   * @param kind {@link #DEVICES}, {@link #TYPE}, {@link #LABELS} or {@link #TENANT}
   * @param deviceIds for {@link #DEVICES}: the devices, at least one (one for a single-device rule,
   *     a group's members for a group); empty otherwise
   * @param deviceType for {@link #TYPE}: the device type's name; null otherwise
   * @param labels for {@link #LABELS}: label key to value, every one of which a device must carry;
   *     empty otherwise
   * @param group for people: the registry group {@code deviceIds} was resolved from, or null
   */
  public record Scope(
      String kind,
      List<String> deviceIds,
      @Nullable String deviceType,
      Map<String, String> labels,
      @Nullable String group) {

    /** Explicit devices: one device, or the members of a group. */
    public static final String DEVICES = "DEVICES";

    /** Every device of one device type. */
    public static final String TYPE = "TYPE";

    /** Every device carrying all of the given labels. */
    public static final String LABELS = "LABELS";

    /** Every device of the tenant. */
    public static final String TENANT = "TENANT";

    public Scope {
      deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** One device. */
    public static Scope device(String deviceId) {
      return new Scope(DEVICES, List.of(deviceId), null, Map.of(), null);
    }

    /** A group's members, as resolved now. */
    public static Scope group(String group, List<String> members) {
      return new Scope(DEVICES, members, null, Map.of(), group);
    }

    /** Every device of a type. */
    public static Scope type(String deviceType) {
      return new Scope(TYPE, List.of(), deviceType, Map.of(), null);
    }

    /** Every device carrying all these labels. */
    public static Scope labels(Map<String, String> labels) {
      return new Scope(LABELS, List.of(), null, labels, null);
    }

    /** The whole tenant. */
    public static Scope tenant() {
      return new Scope(TENANT, List.of(), null, Map.of(), null);
    }

    /**
     * Whether a device of the rule's tenant with this id, type and labels is in the scope. The
     * caller checks the tenant. An unknown kind covers nothing.
     */
    public boolean covers(String deviceId, String type, Map<String, String> deviceLabels) {
      return switch (kind) {
        case DEVICES -> deviceIds.contains(deviceId);
        case TYPE -> type.equals(deviceType);
        case LABELS -> deviceLabels.entrySet().containsAll(labels.entrySet());
        case TENANT -> true;
        default -> false;
      };
    }
  }

  /**
   * When an alert fires: one node of a condition tree. Which fields matter depends on {@code type};
   * the others are null, 0 or empty.
   *
   * <ul>
   *   <li>{@link #THRESHOLD}: {@code metric} compared by {@code operator} with {@code value} (and
   *       {@code upper} for {@code BETWEEN}/{@code OUTSIDE}, both bounds inclusive), holding for
   *       {@code consecutive} readings in a row (at least 1) and, if {@code sustainForMillis > 0},
   *       for at least that long between the first and the latest of them. It clears only once a
   *       reading is past the bound by more than {@code hysteresis} (0 for none).
   *   <li>{@link #RATE}: like a threshold, on the metric's rate of change per second between a
   *       reading and the device's previous reading of that metric.
   *   <li>{@link #OFFLINE}: no message at all (telemetry or status) from the device for {@code
   *       afterMillis}, in processing time; clears on the next message. Only at the top of a tree.
   *   <li>{@link #ALL} / {@link #ANY}: holds while all / any of {@code conditions} (at least one;
   *       thresholds, rates or composites) hold, each on its own latest state.
   * </ul>
   *
   * <p>Battery-low and anomaly rules are thresholds: {@code battery < 15} (from telemetry or a
   * status heartbeat), {@code anomaly_score > 0.8} (from {@link KafkaTopics#ANOMALY_SCORES}).
   *
   * @param type {@link #THRESHOLD}, {@link #RATE}, {@link #OFFLINE}, {@link #ALL} or {@link #ANY}
   * @param metric the metric a threshold or rate watches
   * @param operator one of {@link #OPERATORS}, for thresholds and rates
   * @param value the bound, or the lower bound of a range
   * @param upper the upper bound of a range ({@code BETWEEN}, {@code OUTSIDE}), at least {@code
   *     value}
   * @param consecutive breaching readings in a row needed, at least 1
   * @param sustainForMillis how long the breach must last, milliseconds; 0 for no duration
   * @param hysteresis how far past the bound a reading must be to clear, at least 0
   * @param afterMillis for {@link #OFFLINE}: the silence that makes a device offline, milliseconds
   * @param conditions the parts of a composite
   */
  public record Condition(
      String type,
      @Nullable String metric,
      @Nullable String operator,
      @Nullable Double value,
      @Nullable Double upper,
      int consecutive,
      long sustainForMillis,
      double hysteresis,
      long afterMillis,
      List<Condition> conditions) {

    public static final String THRESHOLD = "THRESHOLD";
    public static final String RATE = "RATE";
    public static final String OFFLINE = "OFFLINE";
    public static final String ALL = "ALL";
    public static final String ANY = "ANY";

    /** The comparison operators; the last two take {@code value} and {@code upper}. */
    public static final Set<String> OPERATORS =
        Set.of("GT", "GE", "LT", "LE", "EQ", "NE", "BETWEEN", "OUTSIDE");

    /** Deepest composite nesting allowed, the root being depth 1. */
    public static final int MAX_DEPTH = 4;

    /** Most leaves (thresholds and rates) one tree may hold. */
    public static final int MAX_LEAVES = 16;

    public Condition {
      conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** A threshold: {@code metric operator value}, once. */
    public static Condition threshold(String metric, String operator, double value) {
      return new Condition(THRESHOLD, metric, operator, value, null, 1, 0, 0, 0, List.of());
    }

    /** No message from the device for {@code afterMillis}. */
    public static Condition offline(long afterMillis) {
      return new Condition(OFFLINE, null, null, null, null, 0, 0, 0, afterMillis, List.of());
    }

    /** All of {@code conditions}. */
    public static Condition all(List<Condition> conditions) {
      return new Condition(ALL, null, null, null, null, 0, 0, 0, 0, conditions);
    }

    /** Any of {@code conditions}. */
    public static Condition any(List<Condition> conditions) {
      return new Condition(ANY, null, null, null, null, 0, 0, 0, 0, conditions);
    }

    /**
     * Whether the tree says something an evaluator can run: known types and operators, finite
     * bounds, ranges with {@code value <= upper}, {@code consecutive >= 1} on leaves, no negative
     * durations or hysteresis, composites non-empty, offline only at the root, at most {@link
     * #MAX_DEPTH} deep and {@link #MAX_LEAVES} leaves. A tree cannot refer to itself: it is a
     * value.
     */
    public boolean isWellFormed() {
      return wellFormed(1) && leaves() <= MAX_LEAVES;
    }

    private boolean wellFormed(int depth) {
      if (depth > MAX_DEPTH || sustainForMillis < 0 || afterMillis < 0) {
        return false;
      }
      return switch (type) {
        case THRESHOLD, RATE -> wellFormedLeaf();
        case OFFLINE -> depth == 1 && afterMillis > 0;
        case ALL, ANY ->
            !conditions.isEmpty()
                && conditions.stream()
                    .allMatch(c -> !OFFLINE.equals(c.type()) && c.wellFormed(depth + 1));
        default -> false;
      };
    }

    private boolean wellFormedLeaf() {
      if (metric == null
          || metric.isBlank()
          || operator == null
          || !OPERATORS.contains(operator)
          || value == null
          || !Double.isFinite(value)
          || consecutive < 1
          || !(hysteresis >= 0)
          || !Double.isFinite(hysteresis)) {
        return false;
      }
      boolean range = "BETWEEN".equals(operator) || "OUTSIDE".equals(operator);
      if (!range) {
        return upper == null;
      }
      return upper != null && Double.isFinite(upper) && value <= upper;
    }

    /** The number of thresholds and rates in the tree. */
    public int leaves() {
      return switch (type) {
        case ALL, ANY -> conditions.stream().mapToInt(Condition::leaves).sum();
        case OFFLINE -> 0;
        default -> 1;
      };
    }
  }
}
