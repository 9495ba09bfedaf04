package org.iotplatform.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.simulator.profile.ThermostatProfileTest.readings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProfileKindTest {

  @ParameterizedTest
  @EnumSource(ProfileKind.class)
  void readsTheSameForTheSameSeedAndDevice(ProfileKind underTest) {
    List<Reading> first =
        readings(underTest.create("dev-1", 42, SignalSettings.DEFAULT), Duration.ofMinutes(1), 500);
    List<Reading> again =
        readings(underTest.create("dev-1", 42, SignalSettings.DEFAULT), Duration.ofMinutes(1), 500);
    List<Reading> otherSeed =
        readings(underTest.create("dev-1", 43, SignalSettings.DEFAULT), Duration.ofMinutes(1), 500);
    List<Reading> otherDevice =
        readings(underTest.create("dev-2", 42, SignalSettings.DEFAULT), Duration.ofMinutes(1), 500);

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(otherDevice).isNotEqualTo(first);
  }

  @ParameterizedTest
  @EnumSource(ProfileKind.class)
  void declaresEveryMetricItReads(ProfileKind underTest) {
    Reading reading =
        underTest.create("dev-1", 1, SignalSettings.DEFAULT).next(java.time.Instant.EPOCH);
    assertThat(underTest.units().keySet()).isEqualTo(reading.metrics().keySet());
  }

  @ParameterizedTest
  @EnumSource(ProfileKind.class)
  void sendsAHeartbeatWithSignalStrengthAndFirmware(ProfileKind underTest) {
    var heartbeat = underTest.create("dev-1", 1, SignalSettings.DEFAULT).heartbeat();
    assertThat(heartbeat.rssi()).isBetween(-110, -40);
    assertThat(heartbeat.firmware()).isNotBlank();
  }
}
