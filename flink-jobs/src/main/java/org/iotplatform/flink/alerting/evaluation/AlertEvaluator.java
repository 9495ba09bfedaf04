package org.iotplatform.flink.alerting.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.alerting.device.DeviceSignal;
import org.iotplatform.flink.alerting.rules.CompiledRule;
import org.iotplatform.flink.alerting.rules.RuleIndex;
import org.iotplatform.flink.alerting.rules.RuleJson;
import org.iotplatform.flink.alerting.rules.RuleUpdate;
import org.iotplatform.flink.enrichment.DeviceInfo;
import org.iotplatform.flink.telemetry.Metric;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the broadcast alert rules against each device's signals (keyed by device id): a {@link
 * RuleDeviceState} per (rule, device) in the device's map state, so at most one alert per rule and
 * device is active.
 *
 * <ul>
 *   <li>Readings (event time) run {@link RuleEvaluation} for the rules of the device's tenant that
 *       watch one of their metrics (found through the transient {@link RuleIndex}) and apply to the
 *       device: tenant equal, enabled, scope covering it.
 *   <li>Offline rules use one processing-time timer per device: every message (and a registry
 *       snapshot of a device never heard from) restarts the silence; the timer fires the alerts
 *       whose silence has passed, and the next message resolves them. A device without a pending
 *       offline deadline is checked again every {@code recheckMillis}, so a new offline rule also
 *       catches devices that are already silent.
 *   <li>A rule deleted, disabled, or whose tenant, scope or condition changed resolves its active
 *       alerts ({@code rule deleted}, {@code rule disabled}, {@code rule changed}) and drops its
 *       state on every device; a change of name, severity or cooldown keeps them. A device deleted
 *       from the registry, or whose new snapshot leaves a rule's scope, resolves and drops its
 *       states too.
 * </ul>
 *
 * <p>The device's registry snapshot is kept here (highest version wins) rather than in an
 * enrichment step in front, because offline detection and clean-up need the snapshots and
 * tombstones themselves; until one arrives the device counts as of its messages' tenant, type
 * {@code unknown}, no labels.
 */
public final class AlertEvaluator
    extends KeyedBroadcastProcessFunction<String, DeviceSignal, RuleUpdate, AlertEvent> {

  private static final long serialVersionUID = 1L;

  /** The broadcast state: every rule's latest snapshot by rule id. */
  public static final MapStateDescriptor<String, RuleUpdate> RULES =
      new MapStateDescriptor<>("alert-rules", Types.STRING, TypeInformation.of(RuleUpdate.class));

  static final ValueStateDescriptor<DeviceInfo> DEVICE =
      new ValueStateDescriptor<>("device", TypeInformation.of(DeviceInfo.class));

  static final MapStateDescriptor<String, RuleDeviceState> ALERTS =
      new MapStateDescriptor<>(
          "rule-states", Types.STRING, TypeInformation.of(RuleDeviceState.class));

  static final ValueStateDescriptor<Long> LAST_MESSAGE =
      new ValueStateDescriptor<>("last-message-at", Types.LONG);

  static final ValueStateDescriptor<Long> OFFLINE_TIMER =
      new ValueStateDescriptor<>("offline-timer", Types.LONG);

  /** The version of a device state made up from messages before any registry snapshot. */
  static final long UNREGISTERED = Long.MIN_VALUE;

  private final long recheckMillis;

  private transient @Nullable RuleIndex index;
  private transient RuleJson json;
  private transient List<CompiledRule> candidates;
  private transient ValueState<DeviceInfo> device;
  private transient MapState<String, RuleDeviceState> alerts;
  private transient OfflineDetection offline;

  /**
   * @param recheckMillis how often a device without a pending offline deadline is checked against
   *     the offline rules, processing-time milliseconds
   */
  public AlertEvaluator(long recheckMillis) {
    if (recheckMillis <= 0) {
      throw new IllegalArgumentException("recheck interval must be positive: " + recheckMillis);
    }
    this.recheckMillis = recheckMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    json = new RuleJson();
    candidates = new ArrayList<>();
    device = getRuntimeContext().getState(DEVICE);
    alerts = getRuntimeContext().getMapState(ALERTS);
    offline =
        new OfflineDetection(
            getRuntimeContext().getState(LAST_MESSAGE),
            getRuntimeContext().getState(OFFLINE_TIMER),
            alerts,
            recheckMillis);
  }

  @Override
  public void processElement(DeviceSignal signal, ReadOnlyContext ctx, Collector<AlertEvent> out)
      throws Exception {
    RuleIndex rules = index(ctx.getBroadcastState(RULES));
    long now = ctx.timerService().currentProcessingTime();
    switch (signal.kind()) {
      case MESSAGE -> onMessage(signal, rules, ctx.timerService(), now, out);
      case SNAPSHOT -> onSnapshot(signal, rules, ctx.timerService(), now, out);
      case TOMBSTONE -> onTombstone(signal.deviceId(), rules, ctx.timerService(), now, out);
    }
  }

  private void onMessage(
      DeviceSignal signal,
      RuleIndex rules,
      TimerService timers,
      long now,
      Collector<AlertEvent> out)
      throws Exception {
    DeviceInfo info = device.value();
    if (info == null) {
      info =
          new DeviceInfo(
              signal.tenantId(), InfluxSchema.UNKNOWN_DEVICE_TYPE, List.of(), UNREGISTERED);
      device.update(info);
    }
    Subject subject = Subject.of(signal.deviceId(), info);
    offline.onMessage(subject, rules, timers, now, out);
    Map<String, Double> numbers = numbers(signal.metrics());
    if (numbers.isEmpty()) {
      return;
    }
    candidates.clear();
    for (String metric : numbers.keySet()) {
      rules.collect(info.tenantId(), subject.deviceId(), metric, candidates);
    }
    for (CompiledRule rule : candidates) {
      if (!subject.isWatchedBy(rule)) {
        continue;
      }
      RuleDeviceState state = alerts.get(rule.ruleId());
      if (state == null) {
        state = new RuleDeviceState();
      }
      Outcome outcome = RuleEvaluation.onReading(rule, state, signal.timestamp(), numbers);
      alerts.put(rule.ruleId(), state);
      if (outcome != null) {
        out.collect(AlertEvents.of(rule, subject.deviceId(), outcome, state.firedAt, now));
      }
    }
  }

  private void onSnapshot(
      DeviceSignal signal,
      RuleIndex rules,
      TimerService timers,
      long now,
      Collector<AlertEvent> out)
      throws Exception {
    DeviceInfo next = signal.device();
    DeviceInfo current = device.value();
    if (next == null || (current != null && next.version() <= current.version())) {
      return;
    }
    device.update(next);
    Subject subject = Subject.of(signal.deviceId(), next);
    List<String> left = new ArrayList<>();
    for (Map.Entry<String, RuleDeviceState> entry : alerts.entries()) {
      CompiledRule rule = rules.get(entry.getKey());
      if (rule == null || !subject.isWatchedBy(rule)) {
        left.add(entry.getKey());
        if (rule != null && entry.getValue().active) {
          out.collect(
              AlertEvents.of(
                  rule,
                  subject.deviceId(),
                  AlertEvents.resolved(now, "device left the rule's scope"),
                  entry.getValue().firedAt,
                  now));
        }
      }
    }
    for (String ruleId : left) {
      alerts.remove(ruleId);
    }
    offline.onKnown(subject, rules, timers, now);
  }

  private void onTombstone(
      String deviceId, RuleIndex rules, TimerService timers, long now, Collector<AlertEvent> out)
      throws Exception {
    for (Map.Entry<String, RuleDeviceState> entry : alerts.entries()) {
      CompiledRule rule = rules.get(entry.getKey());
      if (rule != null && entry.getValue().active) {
        out.collect(
            AlertEvents.of(
                rule,
                deviceId,
                AlertEvents.resolved(now, "device deleted"),
                entry.getValue().firedAt,
                now));
      }
    }
    offline.forget(timers);
    alerts.clear();
    device.clear();
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out)
      throws Exception {
    DeviceInfo info = device.value();
    if (info == null) {
      return;
    }
    RuleIndex rules = index(ctx.getBroadcastState(RULES));
    offline.onTimer(
        Subject.of(ctx.getCurrentKey(), info), rules, ctx.timerService(), timestamp, out);
  }

  @Override
  public void processBroadcastElement(RuleUpdate update, Context ctx, Collector<AlertEvent> out)
      throws Exception {
    BroadcastState<String, RuleUpdate> state = ctx.getBroadcastState(RULES);
    RuleIndex rules = index(state);
    long now = ctx.currentProcessingTime();
    RuleUpdate previous = state.get(update.ruleId());
    CompiledRule old = rules.get(update.ruleId());
    if (update.isTombstone()) {
      if (previous == null) {
        return;
      }
      state.remove(update.ruleId());
      rules.remove(update.ruleId());
      if (old != null && old.enabled()) {
        endAlerts(old, "rule deleted", ctx, now, out);
      }
      return;
    }
    if (previous != null && update.version() <= previous.version()) {
      return; // a replay of an older snapshot must not undo a newer one
    }
    CompiledRule next = compile(update);
    state.put(update.ruleId(), update);
    rules.put(next);
    if (old == null || !old.enabled()) {
      return;
    }
    if (!next.enabled()) {
      endAlerts(next, "rule disabled", ctx, now, out);
    } else if (!old.evaluatesLike(next)) {
      endAlerts(next, "rule changed", ctx, now, out);
    }
  }

  /** Resolves the active alerts of the rule on every device and drops its states. */
  private static void endAlerts(
      CompiledRule rule, String reason, Context ctx, long now, Collector<AlertEvent> out)
      throws Exception {
    ctx.applyToKeyedState(
        ALERTS,
        (deviceId, states) -> {
          RuleDeviceState state = states.get(rule.ruleId());
          if (state == null) {
            return;
          }
          states.remove(rule.ruleId());
          if (state.active) {
            out.collect(
                AlertEvents.of(
                    rule, deviceId, AlertEvents.resolved(now, reason), state.firedAt, now));
          }
        });
  }

  private RuleIndex index(ReadOnlyBroadcastState<String, RuleUpdate> stored) throws Exception {
    RuleIndex current = index;
    if (current == null) {
      // After a start or restore: the broadcast state is the truth, the index its derivative.
      current = new RuleIndex();
      for (Map.Entry<String, RuleUpdate> entry : stored.immutableEntries()) {
        current.put(compile(entry.getValue()));
      }
      index = current;
    }
    return current;
  }

  private CompiledRule compile(RuleUpdate update) {
    String snapshot = update.snapshotJson();
    if (snapshot == null) {
      throw new IllegalArgumentException("a tombstone has no rule: " + update.ruleId());
    }
    // The deserializer let only valid snapshots through.
    return CompiledRule.of(json.read(snapshot));
  }

  private static Map<String, Double> numbers(List<Metric> metrics) {
    Map<String, Double> numbers = new HashMap<>();
    for (Metric metric : metrics) {
      if (metric.numberValue() != null) {
        numbers.put(metric.name(), metric.numberValue());
      }
    }
    return numbers;
  }
}
