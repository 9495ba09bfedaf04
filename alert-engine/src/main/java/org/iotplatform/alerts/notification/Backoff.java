package org.iotplatform.alerts.notification;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before a delivery's next attempt: {@code initial * 2^(failed attempts - 1)}, capped at
 * {@code max}, then shortened by a random fraction of up to {@code jitter} ("equal jitter" would
 * keep a floor; shortening keeps the cap a true bound).
 */
record Backoff(Duration initial, Duration max, double jitter) {

  /**
   * @param failedAttempts the attempts made so far, all failed (1 or more)
   * @param random a value in [0, 1)
   */
  Duration after(int failedAttempts, DoubleSupplier random) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    long base = initial.toMillis();
    long cap = max.toMillis();
    long capped = base > (cap >> doublings) ? cap : Math.min(cap, base << doublings);
    long shortened = Math.round(capped * (1 - jitter * random.getAsDouble()));
    return Duration.ofMillis(Math.max(shortened, 1));
  }
}
