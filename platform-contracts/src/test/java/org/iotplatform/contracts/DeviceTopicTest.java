package org.iotplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTopicTest {

  @Test
  void parsesDeviceIdAndSubtopic() {
    assertThat(DeviceTopic.parse("devices/meter-7.a_b/shadow/update"))
        .contains(new DeviceTopic("meter-7.a_b", "shadow/update"));
  }

  @Test
  void buildsTelemetryTopic() {
    assertThat(DeviceTopic.telemetry("d1").topic()).isEqualTo("devices/d1/telemetry");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d1",
        "devices/d1/",
        "devices//telemetry",
        "other/d1/telemetry",
        "devices/d 1/telemetry",
        "devices/+/telemetry",
        "devices/d1/#",
        "devices/d1/+/x"
      })
  void rejectsTopicsOutsideADevicesTree(String topic) {
    assertThat(DeviceTopic.parse(topic)).isEmpty();
  }

  @Test
  void rejectsDeviceIdsLongerThan64Characters() {
    String tooLong = "d".repeat(65);
    assertThat(DeviceTopic.isValidDeviceId("d".repeat(64))).isTrue();
    assertThat(DeviceTopic.parse("devices/" + tooLong + "/telemetry")).isEmpty();
    assertThatThrownBy(() -> DeviceTopic.telemetry(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid device id");
  }
}
