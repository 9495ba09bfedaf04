package org.iotplatform.simulator.profile;

import java.time.Duration;

/**
 * How often the rare events of a simulated fleet happen.
 *
 * @param spikeProbability the chance that a reading is a spike: one out-of-range value (too hot, an
 *     impossible voltage or speed) that alert rules should catch; default 1 in 500
 * @param outagesPerDeviceHour the chance per device and hour that the device goes offline (its
 *     connection closes, no readings), so offline detection fires; default 0.01 (1 % per hour)
 * @param minOutage the shortest outage; default 1 min
 * @param maxOutage the longest outage; default 5 min
 */
public record SignalSettings(
    double spikeProbability, double outagesPerDeviceHour, Duration minOutage, Duration maxOutage) {

  /** The defaults described above. */
  public static final SignalSettings DEFAULT =
      new SignalSettings(1.0 / 500, 0.01, Duration.ofMinutes(1), Duration.ofMinutes(5));

  /** Neither spikes nor outages: a fleet that only sends its regular signals. */
  public static final SignalSettings QUIET =
      new SignalSettings(0, 0, Duration.ofMinutes(1), Duration.ofMinutes(5));

  public SignalSettings {
    if (spikeProbability < 0 || spikeProbability > 1) {
      throw new IllegalArgumentException(
          "the spike probability must be 0-1, not " + spikeProbability);
    }
    if (outagesPerDeviceHour < 0) {
      throw new IllegalArgumentException(
          "the outage rate must not be negative, not " + outagesPerDeviceHour);
    }
    if (minOutage.isNegative() || minOutage.isZero() || maxOutage.compareTo(minOutage) < 0) {
      throw new IllegalArgumentException(
          "outages last a positive time, min <= max, not " + minOutage + ".." + maxOutage);
    }
  }
}
