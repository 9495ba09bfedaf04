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

  @Test
  void namesARouteByTheDeviceTopicBelowTheDevicesPrefix() {
    assertThat(underTest.route("devices/d-1/telemetry"))
        .get()
        .extracting(Route::kind)
        .isEqualTo("telemetry");
  }

  @Test
  void routesToTheConfiguredTopics() {
    PublishRouter router = new PublishRouter(new Topics("t.telemetry", "t.events", "t.devices"));

    assertThat(router.route("devices/d-1/telemetry"))
        .get()
        .extracting(Route::kafkaTopic)
        .isEqualTo("t.telemetry");
    assertThat(router.route("devices/d-1/status"))
        .get()
        .extracting(Route::kafkaTopic)
        .isEqualTo("t.events");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d-1/shadow/update",
        "devices/d-1/commands/response",
        "devices/d-1/telemetry/extra",
        "devices/d-1",
        "sensors/d-1/telemetry",
        "devices/not a device/telemetry"
      })
  void doesNotRouteOtherTopics(String topic) {
    assertThat(underTest.route(topic)).isEmpty();
  }
}
