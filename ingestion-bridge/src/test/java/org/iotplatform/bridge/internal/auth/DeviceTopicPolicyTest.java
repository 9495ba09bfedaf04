package org.iotplatform.bridge.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTopicPolicyTest {

  private final DeviceTopicPolicy underTest = new DeviceTopicPolicy();

  @ParameterizedTest
  @ValueSource(
      strings = {"devices/d-1/telemetry", "devices/d-1/status", "devices/d-1/shadow/update"})
  void allowsPublishBelowTheDevicesOwnTopic(String topic) {
    assertThat(underTest.mayPublish("d-1", topic)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-2/telemetry",
        "devices/d-1",
        "devices/d-1/",
        "devices/d-10/telemetry",
        "telemetry",
        "other/d-1/telemetry",
        "$SYS/broker"
      })
  void rejectsPublishOutsideTheDevicesOwnTopic(String topic) {
    assertThat(underTest.mayPublish("d-1", topic)).isFalse();
  }

  @Test
  void rejectsPublishFromAClientWhoseIdIsNoDeviceId() {
    assertThat(underTest.mayPublish("operator tool", "devices/operator tool/telemetry")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"devices/d-1/commands", "devices/d-1/#", "devices/d-1/shadow/+/accepted"})
  void allowsSubscriptionsBelowTheDevicesOwnTopic(String filter) {
    assertThat(underTest.maySubscribe("d-1", filter)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-2/commands",
        "devices/+/commands",
        "devices/#",
        "#",
        "+/d-1/commands",
        "devices/d-1",
        "devices/d-1/",
        "$share/group/devices/d-1/commands"
      })
  void rejectsSubscriptionsThatCouldReachBeyondTheDevicesOwnTopic(String filter) {
    assertThat(underTest.maySubscribe("d-1", filter)).isFalse();
  }

  @Test
  void rejectsSubscriptionsOfAClientWhoseIdIsNoDeviceId() {
    assertThat(underTest.maySubscribe("a/b", "devices/a/b/#")).isFalse();
  }
}
