package org.iotplatform.simulator.profile;

import java.util.Locale;
import java.util.Map;

/** The kinds of simulated device. */
public enum ProfileKind {
  /** Temperature, humidity, setpoint and heating of a room. */
  THERMOSTAT(Map.of("temperature", "°C", "humidity", "%", "setpoint", "°C", "heating", "")),
  /** Cumulative energy, power and voltage of a household meter. */
  METER(Map.of("energy_kwh", "kWh", "power_w", "W", "voltage", "V")),
  /** Position, speed and battery of a vehicle tracker. */
  TRACKER(Map.of("lat", "°", "lon", "°", "speed_kmh", "km/h", "battery", "%"));

  private final Map<String, String> units;

  ProfileKind(Map<String, String> units) {
    this.units = units;
  }

  /** The profile of device {@code deviceId} in a fleet simulated with {@code seed}. */
  public SignalProfile create(String deviceId, long seed, SignalSettings settings) {
    var random = DeviceRandom.of(seed, deviceId, "signals");
    return switch (this) {
      case THERMOSTAT -> new ThermostatProfile(random, settings);
      case METER -> new MeterProfile(random, settings);
      case TRACKER -> new TrackerProfile(random, settings);
    };
  }

  /** Metric name to unit (empty for booleans), as the registry's device type declares them. */
  public Map<String, String> units() {
    return units;
  }

  /** The name on the command line and the default device type: {@code thermostat}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
