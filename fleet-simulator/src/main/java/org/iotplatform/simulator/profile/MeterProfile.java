package org.iotplatform.simulator.profile;

import static org.iotplatform.simulator.profile.DeviceRandom.round;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.iotplatform.sdk.Heartbeat;
import org.jspecify.annotations.Nullable;

/**
 * A household electricity meter: power follows a daily load curve (a base load, a morning peak
 * around 07:30 and a larger evening peak around 19:30 UTC) scaled per household, energy is the
 * integral of power and only grows, the voltage sits near 230 V. A spike is a voltage outside 230 V
 * ± 10 %. Meters run on mains: their heartbeat has no battery.
 */
final class MeterProfile implements SignalProfile {

  static final String FIRMWARE = "1.9.0";

  private final RandomGenerator random;
  private final SignalSettings settings;
  private final double scale;
  private final int rssiBase;
  private double energyKwh;
  private @Nullable Instant previous;

  MeterProfile(RandomGenerator random, SignalSettings settings) {
    this.random = random;
    this.settings = settings;
    this.scale = 0.5 + random.nextDouble() * 1.5;
    this.rssiBase = -60 - random.nextInt(35);
    this.energyKwh = 1_000 + random.nextDouble() * 49_000;
  }

  @Override
  public synchronized Reading next(Instant at) {
    double power =
        scale * (150 + 900 * DailyCycle.bell(at, 7.5, 1.2) + 1_500 * DailyCycle.bell(at, 19.5, 2.0))
            + random.nextGaussian() * 30;
    power = Math.max(power, 5);
    if (previous != null && at.isAfter(previous)) {
      double hours = Duration.between(previous, at).toMillis() / 3_600_000.0;
      energyKwh += power * hours / 1_000;
    }
    previous = previous == null || at.isAfter(previous) ? at : previous;
    double voltage = 230 + random.nextGaussian() * 1.5;
    boolean spike = random.nextDouble() < settings.spikeProbability();
    if (spike) {
      voltage =
          random.nextBoolean() ? 255 + random.nextDouble() * 15 : 185 + random.nextDouble() * 15;
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    // Rounded down, so that the reported value never decreases either.
    metrics.put("energy_kwh", Math.floor(energyKwh * 1_000) / 1_000);
    metrics.put("power_w", round(power, 1));
    metrics.put("voltage", round(voltage, 1));
    return new Reading(metrics, spike);
  }

  @Override
  public synchronized Heartbeat heartbeat() {
    return new Heartbeat(null, rssiBase + random.nextInt(7) - 3, FIRMWARE);
  }
}
