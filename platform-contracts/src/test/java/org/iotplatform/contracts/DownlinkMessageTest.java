package org.iotplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownlinkMessageTest {

  private static final Instant T0 = Instant.parse("2024-11-22T13:00:00Z");

  @Test
  void isAddressedToTheDeviceWhoseTopicItNames() {
    DownlinkMessage underTest = message("devices/d-1/shadow/update/delta", 1);

    assertThat(underTest.isAddressedTo("d-1")).isTrue();
    assertThat(underTest.isAddressedTo("d-2")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-2/commands",
        "devices/d-1",
        "devices/d-1/",
        "devices/d-1/#",
        "devices/d-1/+/x",
        "other/d-1/commands",
        "devices/d-1x/commands"
      })
  void isNotAddressedToADeviceOutsideItsPrefixOrWithWildcards(String topic) {
    assertThat(message(topic, 1).isAddressedTo("d-1")).isFalse();
  }

  @Test
  void acceptsQosZeroAndOneOnly() {
    assertThat(message("devices/d-1/commands", 0).hasValidQos()).isTrue();
    assertThat(message("devices/d-1/commands", 1).hasValidQos()).isTrue();
    assertThat(message("devices/d-1/commands", 2).hasValidQos()).isFalse();
    assertThat(message("devices/d-1/commands", -1).hasValidQos()).isFalse();
  }

  @Test
  void expiresAtItsInstantAndNotBefore() {
    DownlinkMessage underTest =
        new DownlinkMessage("devices/d-1/commands", "{}", 1, false, T0.plusSeconds(30));

    assertThat(underTest.isExpiredAt(T0.plusSeconds(29))).isFalse();
    assertThat(underTest.isExpiredAt(T0.plusSeconds(30))).isTrue();
    assertThat(underTest.remainingAt(T0)).contains(Duration.ofSeconds(30));
  }

  @Test
  void neverExpiresWithoutAnInstant() {
    DownlinkMessage underTest = message("devices/d-1/commands", 1);

    assertThat(underTest.isExpiredAt(Instant.MAX)).isFalse();
    assertThat(underTest.remainingAt(T0)).isEmpty();
  }

  @Test
  void requiresTopicAndPayload() {
    assertThatNullPointerException()
        .isThrownBy(() -> new DownlinkMessage("devices/d-1/commands", null, 1, false, null));
  }

  private static DownlinkMessage message(String topic, int qos) {
    return new DownlinkMessage(topic, "{}", qos, false, null);
  }
}
