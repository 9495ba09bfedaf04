package org.iotplatform.bridge.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotplatform.bridge.internal.auth.DeviceTopicPolicy.PublishVerdict;
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/shadow/get",
        "devices/d-1/shadow/update",
        "devices/d-1/shadow/delete",
        "devices/d-1/shadow/name/config/get",
        "devices/d-1/shadow/name/config/update"
      })
  void allowsShadowRequestsBelowTheDevicesOwnTopic(String topic) {
    assertThat(underTest.checkPublish("d-1", topic)).isEqualTo(PublishVerdict.ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/shadow/update/delta",
        "devices/d-1/shadow/update/accepted",
        "devices/d-1/shadow/update/rejected",
        "devices/d-1/shadow/update/documents",
        "devices/d-1/shadow/get/accepted",
        "devices/d-1/shadow/delete/accepted",
        "devices/d-1/shadow/name/config/update/delta",
        "devices/d-1/shadow/name/bad name/update",
        "devices/d-1/shadow/anything",
        "devices/d-1/shadow/"
      })
  void refusesShadowSubtopicsThatAreNoRequestSoADeviceCannotForgeItsAnswers(String topic) {
    assertThat(underTest.checkPublish("d-1", topic)).isEqualTo(PublishVerdict.SHADOW_NOT_A_REQUEST);
    assertThat(underTest.mayPublish("d-1", topic)).isFalse();
  }

  @Test
  void refusesAnotherDevicesShadowRequestAsOutsideTheOwnTopics() {
    assertThat(underTest.checkPublish("d-1", "devices/d-2/shadow/update"))
        .isEqualTo(PublishVerdict.OUTSIDE_OWN_TOPICS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/commands/response",
        "devices/d-1/ota/progress",
        "devices/d-1/shadow",
        "devices/d-1/shadows/update/delta"
      })
  void leavesOtherOwnSubtopicsToTheDevice(String topic) {
    assertThat(underTest.checkPublish("d-1", topic)).isEqualTo(PublishVerdict.ALLOWED);
  }

  @Test
  void rejectsPublishFromAClientWhoseIdIsNoDeviceId() {
    assertThat(underTest.mayPublish("operator tool", "devices/operator tool/telemetry")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/commands",
        "devices/d-1/#",
        "devices/d-1/shadow/#",
        "devices/d-1/shadow/+/accepted",
        "devices/d-1/shadow/update/delta",
        "devices/d-1/shadow/name/+/update/delta"
      })
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
