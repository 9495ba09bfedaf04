package org.iotplatform.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThermostatProfileTest {

  private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void readsRoomTemperaturesWithoutSpikes() {
    for (int device = 0; device < 50; device++) {
      SignalProfile underTest =
          ProfileKind.THERMOSTAT.create("thermo-" + device, 7, SignalSettings.QUIET);
      for (Reading reading : readings(underTest, Duration.ofMinutes(5), 2 * 288)) {
        assertThat(reading.spike()).isFalse();
        assertThat(reading.number("temperature")).isBetween(12.0, 30.0);
        assertThat(reading.number("humidity")).isBetween(20.0, 80.0);
        assertThat(reading.number("setpoint")).isBetween(19.5, 22.5);
        assertThat(reading.metrics().get("heating")).isInstanceOf(Boolean.class);
      }
    }
  }

  @Test
  void isWarmerInTheAfternoonThanAtNight() {
    double afternoon = 0;
    double night = 0;
    for (int device = 0; device < 50; device++) {
      SignalProfile underTest =
          ProfileKind.THERMOSTAT.create("thermo-" + device, 7, SignalSettings.QUIET);
      List<Reading> day = readings(underTest, Duration.ofHours(1), 48);
      // The second day, when the heating has settled: 15:00 and 03:00.
      afternoon += day.get(24 + 15).number("temperature");
      night += day.get(24 + 3).number("temperature");
    }
    assertThat(afternoon / 50).isGreaterThan(night / 50 + 1.0);
  }

  @Test
  void switchesTheHeatingOnAtNight() {
    SignalProfile underTest = ProfileKind.THERMOSTAT.create("thermo-1", 7, SignalSettings.QUIET);
    List<Reading> day = readings(underTest, Duration.ofMinutes(10), 144);
    assertThat(day).anyMatch(reading -> (Boolean) reading.metrics().get("heating"));
    assertThat(day).anyMatch(reading -> !(Boolean) reading.metrics().get("heating"));
  }

  @Test
  void spikesAboutAsOftenAsSetAndOutOfRange() {
    SignalSettings settings =
        new SignalSettings(0.01, 0, Duration.ofMinutes(1), Duration.ofMinutes(5));
    SignalProfile underTest = ProfileKind.THERMOSTAT.create("thermo-1", 7, settings);
    List<Reading> spikes =
        readings(underTest, Duration.ofMinutes(1), 20_000).stream().filter(Reading::spike).toList();
    assertThat(spikes).hasSizeBetween(140, 260); // 200 expected
    assertThat(spikes).allMatch(reading -> reading.number("temperature") >= 45);
  }

  static List<Reading> readings(SignalProfile profile, Duration step, int count) {
    List<Reading> readings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      readings.add(profile.next(MIDNIGHT.plus(step.multipliedBy(i))));
    }
    return readings;
  }
}
