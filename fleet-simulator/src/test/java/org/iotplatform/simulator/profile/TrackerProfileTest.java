package org.iotplatform.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.simulator.profile.ThermostatProfileTest.readings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerProfileTest {

  @Test
  void wandersNearItsHomeWithASaneSpeedAndBattery() {
    for (int device = 0; device < 20; device++) {
      SignalProfile underTest =
          ProfileKind.TRACKER.create("tracker-" + device, 5, SignalSettings.QUIET);
      for (Reading reading : readings(underTest, Duration.ofSeconds(30), 5_000)) {
        assertThat(reading.number("lat")).isBetween(52.0, 53.0);
        assertThat(reading.number("lon")).isBetween(12.8, 14.0);
        assertThat(reading.number("speed_kmh")).isBetween(0.0, 90.0);
        assertThat(reading.number("battery")).isBetween(0.0, 100.0);
      }
    }
  }

  @Test
  void drivesAndParksAndItsBatteryDrainsAndRecharges() {
    SignalProfile underTest = ProfileKind.TRACKER.create("tracker-1", 5, SignalSettings.QUIET);
    List<Reading> readings = readings(underTest, Duration.ofSeconds(30), 5_000);
    assertThat(readings).anyMatch(reading -> reading.number("speed_kmh") == 0);
    assertThat(readings).anyMatch(reading -> reading.number("speed_kmh") > 20);
    boolean drained = false;
    boolean recharged = false;
    for (int i = 1; i < readings.size(); i++) {
      double change = readings.get(i).number("battery") - readings.get(i - 1).number("battery");
      drained |= change < 0;
      recharged |= change > 0;
    }
    assertThat(drained).isTrue();
    assertThat(recharged).isTrue();
  }

  @Test
  void spikesAreImpossibleSpeeds() {
    SignalSettings settings =
        new SignalSettings(0.05, 0, Duration.ofMinutes(1), Duration.ofMinutes(5));
    SignalProfile underTest = ProfileKind.TRACKER.create("tracker-1", 5, settings);
    List<Reading> spikes =
        readings(underTest, Duration.ofSeconds(30), 2_000).stream().filter(Reading::spike).toList();
    assertThat(spikes).isNotEmpty().allMatch(reading -> reading.number("speed_kmh") >= 220);
  }
}
