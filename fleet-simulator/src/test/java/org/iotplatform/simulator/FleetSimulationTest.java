package org.iotplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.iotplatform.sdk.Endpoint;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {

  @Test
  void numbersDevicesFromOneWithAtLeastFiveDigits() {
    assertThat(FleetSimulation.deviceIds("sim-", 3))
        .containsExactly("sim-00001", "sim-00002", "sim-00003");
    assertThat(FleetSimulation.deviceIds("x", 123_456)).last().isEqualTo("x123456");
  }

  @Test
  void refusesAnEmptyFleet() {
    SimulationConfig config = SimulationConfig.defaults(List.of(new Endpoint("127.0.0.1", 1883)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FleetSimulation(config, List.of()))
        .withMessageContaining("at least one device");
  }
}
