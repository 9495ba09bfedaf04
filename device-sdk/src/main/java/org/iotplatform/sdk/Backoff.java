package org.iotplatform.sdk;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential back-off with full jitter and a cap. The n-th attempt in a row
 * waits a uniformly random time between zero and {@code min(cap, initial * 2^n)}, so a fleet that
 * lost its broker at the same moment comes back spread over the window instead of all at once.
 *
 * @param initial the upper bound of the first delay
 * @param cap the largest delay
 */
public record Backoff(Duration initial, Duration cap) {

  /** The default: 1 s growing to at most 2 min. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

  public Backoff {
    if (initial.isNegative() || initial.isZero()) {
      throw new InvalidConfigurationException("the initial back-off must be positive");
    }
    if (cap.compareTo(initial) < 0) {
      throw new InvalidConfigurationException(
          "the back-off cap " + cap + " is below the initial delay " + initial);
    }
  }

  /** The largest delay of attempt {@code attempt} (0 for the first retry). */
  public Duration ceiling(int attempt) {
    long initialNanos = initial.toNanos();
    long capNanos = cap.toNanos();
    int shift = Math.min(Math.max(attempt, 0), 62);
    long ceiling = initialNanos > (capNanos >> shift) ? capNanos : initialNanos << shift;
    return Duration.ofNanos(Math.min(ceiling, capNanos));
  }

  /** A delay for attempt {@code attempt}: uniform in [0, {@link #ceiling(int)}]. */
  public Duration delay(int attempt, RandomGenerator random) {
    long ceiling = ceiling(attempt).toNanos();
    return Duration.ofNanos(random.nextLong(ceiling + 1));
  }
}
