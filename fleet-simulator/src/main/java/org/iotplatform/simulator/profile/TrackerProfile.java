package org.iotplatform.simulator.profile;

import static org.iotplatform.simulator.profile.DeviceRandom.clamp;
import static org.iotplatform.simulator.profile.DeviceRandom.round;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.iotplatform.sdk.Heartbeat;
import org.jspecify.annotations.Nullable;

/**
 * A vehicle tracker: it parks and drives in turns, wandering in a random walk that is pulled back
 * towards its home point (somewhere around Berlin), so it stays within a few kilometres. The
 * battery drains while driving and recharges from 20 % to full when parked. A spike is a speed
 * above 220 km/h.
 */
final class TrackerProfile implements SignalProfile {

  static final String FIRMWARE = "3.1.2";
  private static final double KM_PER_DEGREE = 111.0;
  private static final double PULL_HOME = 0.02;

  private final RandomGenerator random;
  private final SignalSettings settings;
  private final double homeLat;
  private final double homeLon;
  private final int rssiBase;
  private double lat;
  private double lon;
  private double heading;
  private double speed;
  private boolean driving;
  private boolean charging;
  private double battery;
  private @Nullable Instant previous;

  TrackerProfile(RandomGenerator random, SignalSettings settings) {
    this.random = random;
    this.settings = settings;
    this.homeLat = 52.52 + (random.nextDouble() - 0.5) * 0.4;
    this.homeLon = 13.405 + (random.nextDouble() - 0.5) * 0.6;
    this.lat = homeLat;
    this.lon = homeLon;
    this.heading = random.nextDouble() * 2 * Math.PI;
    this.rssiBase = -65 - random.nextInt(30);
    this.battery = 40 + random.nextDouble() * 60;
  }

  @Override
  public synchronized Reading next(Instant at) {
    double hours =
        previous == null || !at.isAfter(previous)
            ? 0
            : Math.min(Duration.between(previous, at).toMillis() / 3_600_000.0, 1);
    previous = previous == null || at.isAfter(previous) ? at : previous;
    driving = driving ? random.nextDouble() > 0.1 : random.nextDouble() < 0.05;
    speed = driving ? clamp(speed + random.nextGaussian() * 8, 5, 90) : 0;
    heading += random.nextGaussian() * 0.4;
    double km = speed * hours;
    lat += km / KM_PER_DEGREE * Math.cos(heading);
    lon += km / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat))) * Math.sin(heading);
    lat += (homeLat - lat) * PULL_HOME;
    lon += (homeLon - lon) * PULL_HOME;
    if (driving) {
      battery -= 0.2;
    } else if (charging || battery < 20) {
      charging = battery < 100;
      battery += 1;
    } else {
      battery -= 0.02;
    }
    battery = clamp(battery, 0, 100);
    double reportedSpeed = speed;
    boolean spike = random.nextDouble() < settings.spikeProbability();
    if (spike) {
      reportedSpeed = 220 + random.nextDouble() * 60;
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("lat", round(lat, 6));
    metrics.put("lon", round(lon, 6));
    metrics.put("speed_kmh", round(reportedSpeed, 1));
    metrics.put("battery", round(battery, 1));
    return new Reading(metrics, spike);
  }

  @Override
  public synchronized Heartbeat heartbeat() {
    return new Heartbeat((int) battery, rssiBase + random.nextInt(9) - 4, FIRMWARE);
  }
}
