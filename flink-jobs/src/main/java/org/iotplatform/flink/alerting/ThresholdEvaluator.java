package org.iotplatform.flink.alerting;

import java.time.Duration;
import java.util.Optional;

/**
 * The state machine of one threshold rule for one device. Readings are taken as they arrive (the
 * alert job does not wait for watermarks, see ADR 0020); one older than the latest already taken is
 * ignored, so a late or out-of-order reading never breaks or extends a streak after the fact.
 *
 * <ul>
 *   <li>Inactive: a breaching reading extends the streak; once it has {@code consecutive} readings
 *       and lasted {@code sustainFor}, the alert FIRES, unless it fired less than {@code cooldown}
 *       ago (it then fires with the first breaching reading after the cooldown). A reading that
 *       does not breach ends the streak.
 *   <li>Active: a reading outside the breach region widened by the hysteresis RESOLVES it; readings
 *       inside change nothing, so the alert fires once however long the breach lasts.
 * </ul>
 *
 * Stateless: the state is passed in and changed in place. Non-finite values are ignored (the
 * storage job dead-letters them before any rule sees them).
 */
public final class ThresholdEvaluator {

  private ThresholdEvaluator() {}

  /** Takes one reading into {@code state}; the transition it causes, if any. */
  public static Optional<AlertTransition> onReading(
      AlertState state,
      ThresholdCondition condition,
      Duration cooldown,
      long timestamp,
      double value) {
    if (!Double.isFinite(value)
        || (state.lastSeenAt != AlertState.NONE && timestamp < state.lastSeenAt)) {
      return Optional.empty();
    }
    state.lastSeenAt = timestamp;
    if (state.active) {
      if (condition.clears(value)) {
        state.active = false;
        resetStreak(state);
        return Optional.of(new AlertTransition(AlertTransition.Kind.RESOLVED, timestamp, value));
      }
      return Optional.empty();
    }
    if (!condition.breaches(value)) {
      resetStreak(state);
      return Optional.empty();
    }
    state.consecutive++;
    if (state.breachSince == AlertState.NONE) {
      state.breachSince = timestamp;
    }
    boolean sustained =
        state.consecutive >= condition.consecutive()
            && timestamp - state.breachSince >= condition.sustainFor().toMillis();
    boolean cooled =
        state.lastFiredAt == AlertState.NONE
            || timestamp - state.lastFiredAt >= cooldown.toMillis();
    if (sustained && cooled) {
      state.active = true;
      state.lastFiredAt = timestamp;
      return Optional.of(new AlertTransition(AlertTransition.Kind.FIRED, timestamp, value));
    }
    return Optional.empty();
  }

  private static void resetStreak(AlertState state) {
    state.consecutive = 0;
    state.breachSince = AlertState.NONE;
  }
}
