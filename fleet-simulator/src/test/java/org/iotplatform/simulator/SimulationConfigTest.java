package org.iotplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.Qos;
import org.iotplatform.simulator.profile.ProfileKind;
import org.iotplatform.simulator.profile.SignalSettings;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

  private static final List<Endpoint> BROKER = List.of(new Endpoint("127.0.0.1", 11883));

  @Test
  void hasTheDocumentedDefaults() {
    SimulationConfig underTest = SimulationConfig.defaults(BROKER);

    assertThat(underTest.brokers()).isEqualTo(BROKER);
    assertThat(underTest.tlsCa()).isNull();
    assertThat(underTest.profile()).isEqualTo(ProfileKind.THERMOSTAT);
    assertThat(underTest.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(underTest.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
    assertThat(underTest.ramp()).isEqualTo(Duration.ofSeconds(60));
    assertThat(underTest.seed()).isEqualTo(1);
    assertThat(underTest.signals()).isEqualTo(SignalSettings.DEFAULT);
    assertThat(underTest.signals().spikeProbability()).isEqualTo(1.0 / 500);
    assertThat(underTest.signals().outagesPerDeviceHour()).isEqualTo(0.01);
    assertThat(underTest.offlineBuffer()).isEqualTo(1_000);
    assertThat(underTest.heartbeat()).isEqualTo(Duration.ofSeconds(60));
    assertThat(underTest.threads()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void changesOneThingAtATime() {
    SimulationConfig underTest =
        SimulationConfig.defaults(BROKER)
            .withProfile(ProfileKind.TRACKER)
            .withInterval(Duration.ofSeconds(1))
            .withRamp(Duration.ZERO)
            .withSignals(SignalSettings.QUIET);

    assertThat(underTest.profile()).isEqualTo(ProfileKind.TRACKER);
    assertThat(underTest.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(underTest.ramp()).isZero();
    assertThat(underTest.signals()).isEqualTo(SignalSettings.QUIET);
    assertThat(underTest.offlineBuffer()).isEqualTo(1_000);
  }

  @Test
  void refusesAConfigurationThatCannotWork() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulationConfig.defaults(List.of()))
        .withMessageContaining("at least one broker");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulationConfig.defaults(BROKER).withInterval(Duration.ZERO))
        .withMessageContaining("interval");
  }
}
