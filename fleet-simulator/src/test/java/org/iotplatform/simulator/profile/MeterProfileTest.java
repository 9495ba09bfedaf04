package org.iotplatform.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.simulator.profile.ThermostatProfileTest.readings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterProfileTest {

  @Test
  void countsEnergyThatNeverDecreases() {
    SignalProfile underTest = ProfileKind.METER.create("meter-1", 3, SignalSettings.DEFAULT);
    List<Reading> readings = readings(underTest, Duration.ofSeconds(10), 20_000);
    for (int i = 1; i < readings.size(); i++) {
      assertThat(readings.get(i).number("energy_kwh"))
          .isGreaterThanOrEqualTo(readings.get(i - 1).number("energy_kwh"));
    }
    assertThat(readings.get(readings.size() - 1).number("energy_kwh"))
        .isGreaterThan(readings.get(0).number("energy_kwh"));
  }

  @Test
  void drawsMorePowerInTheEveningThanAtNight() {
    double evening = 0;
    double night = 0;
    for (int device = 0; device < 30; device++) {
      SignalProfile underTest =
          ProfileKind.METER.create("meter-" + device, 3, SignalSettings.QUIET);
      List<Reading> day = readings(underTest, Duration.ofMinutes(30), 48);
      evening += day.get(39).number("power_w"); // 19:30
      night += day.get(6).number("power_w"); // 03:00
    }
    assertThat(evening).isGreaterThan(night * 3);
  }

  @Test
  void keepsTheVoltageNearTheNominalUnlessItSpikes() {
    SignalSettings settings =
        new SignalSettings(0.01, 0, Duration.ofMinutes(1), Duration.ofMinutes(5));
    SignalProfile underTest = ProfileKind.METER.create("meter-1", 3, settings);
    for (Reading reading : readings(underTest, Duration.ofMinutes(1), 5_000)) {
      double voltage = reading.number("voltage");
      if (reading.spike()) {
        assertThat(voltage < 207 || voltage > 253).as("spike %s V", voltage).isTrue();
      } else {
        assertThat(voltage).isBetween(220.0, 240.0);
        assertThat(reading.number("power_w")).isPositive();
      }
    }
  }
}
