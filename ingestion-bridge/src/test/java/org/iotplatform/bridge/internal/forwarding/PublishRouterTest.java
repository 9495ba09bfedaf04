package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotplatform.bridge.BridgeConfig.Topics;
import org.iotplatform.contracts.KafkaTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishRouterTest {

  private final PublishRouter underTest = new PublishRouter(Topics.defaults());

  @Test
  void routesTelemetryToTheTelemetryTopicKeyedByDevice() {
    assertThat(underTest.route("devices/d-1/telemetry"))
        .contains(new Route("d-1", "devices/d-1/telemetry", KafkaTopics.TELEMETRY));
  }

  @Test
  void routesStatusToTheDeviceEventsTopic() {
    assertThat(underTest.route("devices/d-1/status"))
        .contains(new Route("d-1", "devices/d-1/status", KafkaTopics.DEVICE_EVENTS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/shadow/get",
        "devices/d-1/shadow/update",
        "devices/d-1/shadow/delete"
      })
  void routesClassicShadowRequestsToTheShadowTopicKeyedByDevice(String topic) {
    assertThat(underTest.route(topic)).contains(new Route("d-1", topic, KafkaTopics.SHADOW));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/shadow/name/config/get",
        "devices/d-1/shadow/name/config/update",
        "devices/d-1/shadow/name/a:b_c-1/delete"
      })
  void routesNamedShadowRequestsToTheShadowTopic(String topic) {
    assertThat(underTest.route(topic)).contains(new Route("d-1", topic, KafkaTopics.SHADOW));
  }

  @Test
  void namesARouteByTheDeviceTopicBelowTheDevicesPrefix() {
    assertThat(underTest.route("devices/d-1/telemetry"))
        .get()
        .extracting(Route::kind)
        .isEqualTo("telemetry");
  }

  @Test
  void namesEveryShadowRouteShadowWhateverTheShadowsName() {
    assertThat(underTest.route("devices/d-1/shadow/name/config/update"))
        .get()
        .extracting(Route::kind)
        .isEqualTo("shadow");
    assertThat(underTest.route("devices/d-1/shadow/get"))
        .get()
        .extracting(Route::kind)
        .isEqualTo("shadow");
  }

  @Test
  void routesToTheConfiguredTopics() {
    PublishRouter router =
        new PublishRouter(new Topics("t.telemetry", "t.events", "t.shadow", "t.devices"));

    assertThat(router.route("devices/d-1/telemetry"))
        .get()
        .extracting(Route::kafkaTopic)
        .isEqualTo("t.telemetry");
    assertThat(router.route("devices/d-1/status"))
        .get()
        .extracting(Route::kafkaTopic)
        .isEqualTo("t.events");
    assertThat(router.route("devices/d-1/shadow/name/config/update"))
        .get()
        .extracting(Route::kafkaTopic)
        .isEqualTo("t.shadow");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/shadow/update/accepted",
        "devices/d-1/shadow/update/rejected",
        "devices/d-1/shadow/update/delta",
        "devices/d-1/shadow/update/documents",
        "devices/d-1/shadow/get/accepted",
        "devices/d-1/shadow/delete/rejected",
        "devices/d-1/shadow/name/config/update/delta",
        "devices/d-1/shadow/name/config/get/accepted"
      })
  void doesNotRouteShadowAnswers(String topic) {
    assertThat(underTest.route(topic)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/shadow/name/bad name/update",
        "devices/d-1/shadow/name/a.b/update",
        "devices/d-1/shadow/name//update",
        "devices/d-1/shadow/name/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/update",
        "devices/d-1/shadow/name/config",
        "devices/d-1/shadow/name/update",
        "devices/d-1/shadow/patch",
        "devices/d-1/shadow/UPDATE",
        "devices/d-1/shadow/",
        "devices/d-1/shadow"
      })
  void doesNotRouteShadowTopicsThatAreNoRequest(String topic) {
    assertThat(underTest.route(topic)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/commands/response",
        "devices/d-1/telemetry/extra",
        "devices/d-1",
        "sensors/d-1/telemetry",
        "devices/not a device/telemetry",
        "devices/not a device/shadow/update"
      })
  void doesNotRouteOtherTopics(String topic) {
    assertThat(underTest.route(topic)).isEmpty();
  }
}
