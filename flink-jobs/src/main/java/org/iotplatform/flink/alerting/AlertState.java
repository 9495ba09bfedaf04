package org.iotplatform.flink.alerting;

/**
 * What the evaluator keeps per (rule, device): Flink keyed state with a POJO serializer (public
 * no-argument constructor and fields). Times are event times in epoch milliseconds, {@link #NONE}
 * when unset.
 */
public final class AlertState {

  /** An unset time. */
  public static final long NONE = Long.MIN_VALUE;

  /** Whether the alert is active (fired, not resolved). */
  public boolean active;

  /** Breaching readings in a row so far. */
  public int consecutive;

  /** The time of the first reading of the current breach. */
  public long breachSince = NONE;

  /** When the alert last fired, for the cooldown. */
  public long lastFiredAt = NONE;

  /** The time of the latest reading taken into account. */
  public long lastSeenAt = NONE;

  public AlertState() {}
}
