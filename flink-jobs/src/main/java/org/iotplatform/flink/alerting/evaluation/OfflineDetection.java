package org.iotplatform.flink.alerting.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.flink.alerting.AlertState;
import org.iotplatform.flink.alerting.rules.CompiledRule;
import org.iotplatform.flink.alerting.rules.RuleIndex;

/**
 * Offline rules for the evaluator's current device, in processing time: one timer per device. Every
 * message restarts the device's silence and resolves its active offline alerts; the timer fires the
 * alerts whose silence has passed. When the device has no pending offline deadline the timer still
 * comes back every {@code recheckMillis}: broadcast rules cannot register timers for keys, so this
 * is how a new offline rule reaches devices that are already silent.
 */
final class OfflineDetection {

  private final ValueState<Long> lastMessage;
  private final ValueState<Long> timer;
  private final MapState<String, RuleDeviceState> alerts;
  private final long recheckMillis;
  private final List<CompiledRule> scratch = new ArrayList<>();

  OfflineDetection(
      ValueState<Long> lastMessage,
      ValueState<Long> timer,
      MapState<String, RuleDeviceState> alerts,
      long recheckMillis) {
    this.lastMessage = lastMessage;
    this.timer = timer;
    this.alerts = alerts;
    this.recheckMillis = recheckMillis;
  }

  /** A message of the device arrived at processing time {@code now}. */
  void onMessage(
      Subject device, RuleIndex rules, TimerService timers, long now, Collector<AlertEvent> out)
      throws Exception {
    lastMessage.update(now);
    for (CompiledRule rule : device.offlineRules(rules, scratch)) {
      RuleDeviceState state = alerts.get(rule.ruleId());
      if (state != null && state.active) {
        state.active = false;
        state.resolvedAt = now;
        alerts.put(rule.ruleId(), state);
        out.collect(
            AlertEvents.of(
                rule,
                device.deviceId(),
                AlertEvents.resolved(now, "message received"),
                state.firedAt,
                now));
      }
    }
    ensureTimer(device, rules, timers, now);
  }

  /** The registry announced the device: a device never heard from is silent from now. */
  void onKnown(Subject device, RuleIndex rules, TimerService timers, long now) throws Exception {
    if (lastMessage.value() == null) {
      lastMessage.update(now);
    }
    ensureTimer(device, rules, timers, now);
  }

  /** The device's timer fired at {@code now}. */
  void onTimer(
      Subject device, RuleIndex rules, TimerService timers, long now, Collector<AlertEvent> out)
      throws Exception {
    timer.clear();
    Long last = lastMessage.value();
    if (last == null) {
      return;
    }
    for (CompiledRule rule : device.offlineRules(rules, scratch)) {
      RuleDeviceState state = alerts.get(rule.ruleId());
      if (state == null) {
        state = new RuleDeviceState();
      }
      long silentSince = last + rule.offlineAfterMillis();
      long cooldown = rule.snapshot().cooldownMillis();
      if (state.active || silentSince > now || !state.cooledAt(now, cooldown)) {
        continue;
      }
      state.active = true;
      // The moment the silence passed (or the cooldown ended): the same after a restore.
      state.firedAt =
          state.resolvedAt == AlertState.NONE
              ? silentSince
              : Math.max(silentSince, state.resolvedAt + cooldown);
      alerts.put(rule.ruleId(), state);
      Outcome fired =
          new Outcome(
              AlertEvent.FIRED,
              state.firedAt,
              null,
              null,
              "no message for " + Durations.describe(rule.offlineAfterMillis()));
      out.collect(AlertEvents.of(rule, device.deviceId(), fired, state.firedAt, now));
    }
    ensureTimer(device, rules, timers, now);
  }

  /** The device was deleted: its timer goes with it. */
  void forget(TimerService timers) throws Exception {
    Long pending = timer.value();
    if (pending != null) {
      timers.deleteProcessingTimeTimer(pending);
    }
    timer.clear();
    lastMessage.clear();
  }

  /**
   * Registers the device's timer unless one is pending: at the earliest moment an offline rule that
   * is not active may fire, at the latest after the recheck interval. A pending timer that turns
   * out early (the device spoke since) just registers the next one.
   */
  private void ensureTimer(Subject device, RuleIndex rules, TimerService timers, long now)
      throws Exception {
    Long last = lastMessage.value();
    if (timer.value() != null || last == null) {
      return;
    }
    long next = now + recheckMillis;
    for (CompiledRule rule : device.offlineRules(rules, scratch)) {
      RuleDeviceState state = alerts.get(rule.ruleId());
      if (state != null && state.active) {
        continue;
      }
      long due = last + rule.offlineAfterMillis();
      if (state != null && state.resolvedAt != AlertState.NONE) {
        due = Math.max(due, state.resolvedAt + rule.snapshot().cooldownMillis());
      }
      next = Math.min(next, Math.max(due, now));
    }
    timers.registerProcessingTimeTimer(next);
    timer.update(next);
  }
}
