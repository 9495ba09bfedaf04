package org.iotplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.Qos;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.simulator.profile.ProfileKind;
import org.iotplatform.simulator.profile.SignalSettings;
import org.iotplatform.simulator.stats.Summary;
import org.iotplatform.testsupport.HiveMqExtension;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A small fleet on the real device client against an embedded HiveMQ (without the bridge, which
 * accepts any credential): readings and heartbeats arrive, outages close and rebuild clients.
 */
@ExtendWith(HiveMqExtension.class)
class FleetSimulationIT {

  private static final Duration BOUND = Duration.ofSeconds(30);

  private final Map<String, String> lastTelemetry = new ConcurrentHashMap<>();
  private final Map<String, String> lastStatus = new ConcurrentHashMap<>();
  private Mqtt5AsyncClient subscriber;

  @AfterEach
  void disconnectSubscriber() {
    if (subscriber != null) {
      subscriber.disconnect();
    }
  }

  @Test
  void publishesEveryDevicesReadingsAndHeartbeats(HiveMqServer broker) throws Exception {
    List<String> ids = TestDevices.create(20);
    subscribe(broker);
    SimulationConfig config = config(broker, SignalSettings.QUIET);

    RunningSimulation underTest = new FleetSimulation(config, tokens(ids)).start();
    try {
      await()
          .atMost(BOUND)
          .untilAsserted(
              () -> {
                assertThat(underTest.stats().connectedNow()).isEqualTo(ids.size());
                assertThat(lastTelemetry).containsKeys(ids.toArray(String[]::new));
                assertThat(lastStatus).containsKeys(ids.toArray(String[]::new));
                assertThat(underTest.stats().ackedSoFar()).isGreaterThanOrEqualTo(100);
              });
      Summary summary = underTest.summary();

      assertThat(summary.errors()).isZero();
      assertThat(summary.acked()).isPositive();
      assertThat(summary.sent()).isGreaterThanOrEqualTo(summary.acked());
      assertThat(summary.maxMillis()).isGreaterThanOrEqualTo(summary.p50Millis());
      assertThat(summary.heapPerDeviceKb()).isGreaterThanOrEqualTo(0);
      assertThat(lastTelemetry.get(ids.get(0)))
          .contains("\"ts\":", "\"seq\":", "\"temperature\":", "\"heating\":");
      assertThat(lastStatus.get(ids.get(0))).contains("\"rssi\":", "\"firmware\":\"2.4.1\"");
    } finally {
      underTest.close();
    }
    assertThat(underTest.stats().connectedNow()).as("closed normally").isZero();
  }

  @Test
  void closesADeviceForAnOutageAndBringsItBackWithANewClient(HiveMqServer broker) {
    List<String> ids = TestDevices.create(3);
    // About every other tick of 200 ms starts an outage of 300 ms.
    SignalSettings outages =
        new SignalSettings(0, 12_000, Duration.ofMillis(300), Duration.ofMillis(300));

    try (RunningSimulation underTest =
        new FleetSimulation(config(broker, outages), tokens(ids)).start()) {
      await()
          .atMost(BOUND)
          .untilAsserted(
              () ->
                  assertThat(underTest.stats().connects()).isGreaterThanOrEqualTo(3L * ids.size()));
      assertThat(underTest.stats().connectedNow()).isBetween(0, ids.size());
      assertThat(underTest.stats().firstError())
          .as("a client closed while connecting is no error")
          .isNull();
    }
  }

  private static SimulationConfig config(HiveMqServer broker, SignalSettings signals) {
    return new SimulationConfig(
        List.of(new Endpoint(FreePorts.LOOPBACK, broker.mqttPort())),
        null,
        ProfileKind.THERMOSTAT,
        Duration.ofMillis(200),
        Qos.AT_LEAST_ONCE,
        Duration.ofSeconds(1),
        1,
        signals,
        100,
        Duration.ofSeconds(1),
        2);
  }

  private static List<DeviceCredential> tokens(List<String> ids) {
    return ids.stream()
        .<DeviceCredential>map(id -> new DeviceCredential.Token(id, "any-token"))
        .toList();
  }

  private void subscribe(HiveMqServer broker) throws Exception {
    subscriber =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(TestDevices.createOne() + "-subscriber")
            .serverHost(FreePorts.LOOPBACK)
            .serverPort(broker.mqttPort())
            .buildAsync();
    subscriber.connect().get();
    subscriber
        .subscribeWith()
        .topicFilter("devices/+/+")
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(
            publish -> {
              String[] levels = publish.getTopic().toString().split("/");
              String payload = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
              if (levels[2].equals("telemetry")) {
                lastTelemetry.put(levels[1], payload);
              } else if (levels[2].equals("status")) {
                lastStatus.put(levels[1], payload);
              }
            })
        .send()
        .get();
  }
}
