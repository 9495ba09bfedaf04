package org.iotplatform.simulator.profile;

import static org.iotplatform.simulator.profile.DeviceRandom.clamp;
import static org.iotplatform.simulator.profile.DeviceRandom.round;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.iotplatform.sdk.Heartbeat;

/**
 * A room thermostat: the temperature follows the day (warmest at 15:00 UTC), drifts slowly, has
 * sensor noise and is pushed up while the heating runs; the heating switches with a hysteresis of
 * half a degree around the setpoint. Humidity falls as the room warms. A spike reads 45-60 °C.
 */
final class ThermostatProfile implements SignalProfile {

  static final String FIRMWARE = "2.4.1";

  private final RandomGenerator random;
  private final SignalSettings settings;
  private final double setpoint;
  private final int rssiBase;
  private double drift;
  private double heatBoost;
  private boolean heating;
  private double battery;

  ThermostatProfile(RandomGenerator random, SignalSettings settings) {
    this.random = random;
    this.settings = settings;
    this.setpoint = 19.5 + 0.5 * random.nextInt(7);
    this.rssiBase = -50 - random.nextInt(40);
    this.battery = 60 + random.nextDouble() * 40;
  }

  @Override
  public synchronized Reading next(Instant at) {
    drift = clamp(drift + random.nextGaussian() * 0.02, -1.5, 1.5);
    double cycle = DailyCycle.cosine(at, 15);
    double temperature =
        setpoint - 1.0 + 2.0 * cycle + drift + heatBoost + random.nextGaussian() * 0.15;
    heatBoost = heating ? Math.min(heatBoost + 0.3, 2.0) : Math.max(heatBoost - 0.2, 0);
    if (temperature < setpoint - 0.5) {
      heating = true;
    } else if (temperature > setpoint + 0.5) {
      heating = false;
    }
    double humidity = clamp(50 - 8 * cycle + random.nextGaussian() * 1.5, 20, 80);
    boolean spike = random.nextDouble() < settings.spikeProbability();
    if (spike) {
      temperature = 45 + random.nextDouble() * 15;
    }
    battery = Math.max(battery - 0.001, 5);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("temperature", round(temperature, 2));
    metrics.put("humidity", round(humidity, 1));
    metrics.put("setpoint", setpoint);
    metrics.put("heating", heating);
    return new Reading(metrics, spike);
  }

  @Override
  public synchronized Heartbeat heartbeat() {
    return new Heartbeat((int) battery, rssiBase + random.nextInt(7) - 3, FIRMWARE);
  }
}
