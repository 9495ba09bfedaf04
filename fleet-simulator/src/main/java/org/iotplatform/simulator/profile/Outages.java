package org.iotplatform.simulator.profile;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * When one simulated device goes offline: outages start as a Poisson process at {@link
 * SignalSettings#outagesPerDeviceHour()} and last between the settings' bounds. Not thread-safe:
 * one device's tick asks it.
 */
public final class Outages {

  private final RandomGenerator random;
  private final SignalSettings settings;

  Outages(RandomGenerator random, SignalSettings settings) {
    this.random = random;
    this.settings = settings;
  }

  /** The outages of device {@code deviceId} in a fleet simulated with {@code seed}. */
  public static Outages of(String deviceId, long seed, SignalSettings settings) {
    return new Outages(DeviceRandom.of(seed, deviceId, "outages"), settings);
  }

  /**
   * Whether an outage starts within the {@code elapsed} time since the last question, and if so how
   * long it lasts; null: the device stays online.
   */
  public @Nullable Duration next(Duration elapsed) {
    double hours = elapsed.toMillis() / 3_600_000.0;
    double chance = 1 - Math.exp(-settings.outagesPerDeviceHour() * hours);
    if (random.nextDouble() >= chance) {
      return null;
    }
    long min = settings.minOutage().toMillis();
    long max = settings.maxOutage().toMillis();
    return Duration.ofMillis(min + (max > min ? random.nextLong(max - min + 1) : 0));
  }
}
