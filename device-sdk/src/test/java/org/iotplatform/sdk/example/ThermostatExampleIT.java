package org.iotplatform.sdk.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotplatform.sdk.shadow.ShadowResponder;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.testsupport.HiveMqExtension;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example program works as its Javadoc says. */
@ExtendWith(HiveMqExtension.class)
class ThermostatExampleIT {

  @Test
  void reportsReadingsAndFollowsASetpointCommand(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    List<String> telemetry = new CopyOnWriteArrayList<>();
    Mqtt5BlockingClient operator =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("operator-" + id)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .buildBlocking();
    operator.connect();
    operator
        .toAsync()
        .subscribeWith()
        .topicFilter("devices/" + id + "/telemetry")
        .callback(p -> telemetry.add(new String(p.getPayloadAsBytes(), UTF_8)))
        .send()
        .join();
    ThermostatExample underTest =
        new ThermostatExample("127.0.0.1", broker.mqttPort(), id, "example-token");
    try {
      underTest.device().connect().join();
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(300))
          .untilAsserted(
              () -> {
                operator
                    .publishWith()
                    .topic("devices/" + id + "/commands")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(
                        "{\"commandId\":\"c-1\",\"name\":\"setpoint\",\"params\":{\"value\":25.5}}"
                            .getBytes(UTF_8))
                    .send();
                underTest.report();
                assertThat(telemetry).anyMatch(json -> json.contains("\"setpoint\":25.5"));
              });
    } finally {
      underTest.device().close();
      operator.disconnect();
    }
  }

  @Test
  void appliesTheTargetTemperatureDesiredInItsShadowAndReportsIt(HiveMqServer broker) {
    String id = TestDevices.createOne();
    try (ShadowResponder shadowService = ShadowResponder.start(broker, id)) {
      shadowService.setDesired("targetTemperature", 23.5); // while the thermostat is off
      ThermostatExample underTest =
          new ThermostatExample("127.0.0.1", broker.mqttPort(), id, "example-token");
      try {
        underTest.device().connect().join();

        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () ->
                    assertThat(shadowService.reported().toString())
                        .isEqualTo("{\"targetTemperature\":23.5}"));
      } finally {
        underTest.device().close();
      }
    }
  }
}
