package org.iotplatform.sdk.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.iotplatform.sdk.ClientClosedException;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

/** What a device client's shadow accessors promise before any connection. */
class DeviceClientShadowTest {

  private final DeviceClient client =
      DeviceClient.builder().deviceId("d-1").endpoint("127.0.0.1", 1).token("t").build();

  @Test
  void givesTheSameShadowClientOnEveryCall() {
    DeviceShadow underTest = client.shadow();

    assertThat(client.shadow()).isSameAs(underTest);
    assertThat(underTest.name()).isNull();
    assertThat(client.shadow("config")).isSameAs(client.shadow("config")).isNotSameAs(underTest);
    assertThat(client.shadow("config").name()).isEqualTo("config");
  }

  @Test
  void refusesAnInvalidShadowName() {
    assertThatThrownBy(() -> client.shadow("no/slashes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shadow name");
  }

  @Test
  void failsWaitingAndNewRequestsWhenTheClientIsClosed() {
    DeviceShadow underTest = client.shadow();
    var waiting = underTest.report(Map.of("t", 1)); // held: never connected

    client.close();

    assertThat(waiting)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(ClientClosedException.class);
    assertThat(underTest.get())
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(ClientClosedException.class);
    assertThat(client.shadow("late").get()).isCompletedExceptionally();
  }

  @Test
  void refusesARetryPolicyThatCannotWork() {
    assertThatThrownBy(() -> new ShadowRetry(Duration.ZERO, 3))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThatThrownBy(() -> new ShadowRetry(Duration.ofSeconds(1), 0))
        .isInstanceOf(InvalidConfigurationException.class);
  }
}
