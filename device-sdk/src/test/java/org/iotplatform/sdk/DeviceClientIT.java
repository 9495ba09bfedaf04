package org.iotplatform.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.testsupport.HiveMqExtension;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A device client against a real embedded broker (without the bridge: MQTT behaviour only). */
@ExtendWith(HiveMqExtension.class)
class DeviceClientIT {

  private static final Duration BOUND = Duration.ofSeconds(20);

  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  @Test
  void publishesStampedTelemetryInOrderAndPeriodicHeartbeats(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    List<String> seen = new CopyOnWriteArrayList<>();
    observe(broker, "devices/" + id + "/#", (topic, payload) -> seen.add(topic + " " + payload));
    DeviceClient underTest =
        track(
            device(id, broker)
                .heartbeat(Duration.ofSeconds(1), () -> new Heartbeat(87, -70, "2.4.1"))
                .build());

    underTest.connect().get(20, TimeUnit.SECONDS);
    for (int i = 1; i <= 3; i++) {
      underTest.publish(TelemetryMessage.builder().metric("t", (long) i).build()).get();
    }

    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(seen)
                    .filteredOn(line -> line.contains("/status "))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(
                        line ->
                            line.endsWith("{\"battery\":87,\"rssi\":-70,\"firmware\":\"2.4.1\"}")));
    List<String> telemetry = seen.stream().filter(line -> line.contains("/telemetry ")).toList();
    assertThat(telemetry).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(telemetry.get(i))
          .matches(
              ".*\\{\"ts\":\\d{13},\"seq\":" + (i + 1) + ",\"metrics\":\\{\"t\":" + (i + 1) + "}}");
    }
    assertThat(underTest.stats().acknowledged()).isEqualTo(3);
    assertThat(underTest.stats().buffered()).isZero();
  }

  @Test
  void answersCommandsOnTheResponseTopic(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    List<String> responses = new CopyOnWriteArrayList<>();
    Mqtt5AsyncClient operator =
        observe(
            broker,
            "devices/" + id + "/commands/response",
            (topic, payload) -> responses.add(payload));
    DeviceClient underTest = track(device(id, broker).build());
    underTest.onCommand(
        "reboot", command -> CommandResult.succeeded(Map.of("in", command.params().get("delay"))));
    underTest.connect().get(20, TimeUnit.SECONDS);

    // The device subscribes right after connecting; resend until it is there to receive.
    await()
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              command(
                  operator,
                  id,
                  "{\"commandId\":\"c-1\",\"name\":\"reboot\",\"params\":{\"delay\":5}}");
              assertThat(responses).isNotEmpty();
            });
    command(operator, id, "{\"commandId\":\"c-2\",\"name\":\"format\"}");

    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(responses)
                    .contains(
                        "{\"commandId\":\"c-1\",\"status\":\"succeeded\",\"result\":{\"in\":5}}",
                        "{\"commandId\":\"c-2\",\"status\":\"rejected\","
                            + "\"message\":\"unknown command: format\"}"));
  }

  @Test
  void theLastWillSaysOfflineWhenTheConnectionIsLostUncleanly(HiveMqServer broker)
      throws Exception {
    String id = TestDevices.createOne();
    List<String> status = new CopyOnWriteArrayList<>();
    observe(broker, "devices/" + id + "/status", (topic, payload) -> status.add(payload));
    DeviceClient underTest = track(device(id, broker).build());
    underTest.connect().get(20, TimeUnit.SECONDS);

    // Another connection with the device's id takes its session over: the broker drops the
    // device's connection without a DISCONNECT from it, so it publishes the will.
    Mqtt5AsyncClient impostor =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(id)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .buildAsync();
    impostor.connect().join();
    impostor.disconnect().join();

    await()
        .atMost(BOUND)
        .untilAsserted(() -> assertThat(status).contains("{\"state\":\"offline\"}"));
    await().atMost(BOUND).until(() -> underTest.stats().connects() == 2);
  }

  @Test
  void aPersistentSessionReceivesCommandsSentWhileTheDeviceWasOffline(HiveMqServer broker)
      throws Exception {
    String id = TestDevices.createOne();
    List<String> responses = new CopyOnWriteArrayList<>();
    Mqtt5AsyncClient operator =
        observe(
            broker,
            "devices/" + id + "/commands/response",
            (topic, payload) -> responses.add(payload));
    List<String> handled = new CopyOnWriteArrayList<>();
    try (DeviceClient firstRun =
        device(id, broker).persistentSession(Duration.ofMinutes(5)).build()) {
      firstRun.onCommand("reboot", command -> CommandResult.succeeded());
      firstRun.connect().get(20, TimeUnit.SECONDS);
      await().atMost(BOUND).until(() -> subscribed(operator, id, responses));
    }
    responses.clear();

    command(operator, id, "{\"commandId\":\"while-offline\",\"name\":\"reboot\"}");
    DeviceClient underTest =
        track(device(id, broker).persistentSession(Duration.ofMinutes(5)).build());
    underTest.onCommand(
        "reboot",
        command -> {
          handled.add(command.commandId());
          return CommandResult.succeeded();
        });
    underTest.connect().get(20, TimeUnit.SECONDS);

    await().atMost(BOUND).untilAsserted(() -> assertThat(handled).contains("while-offline"));
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(responses)
                    .contains("{\"commandId\":\"while-offline\",\"status\":\"succeeded\"}"));
  }

  /** Whether the device answers a probe command yet (its subscription is in place). */
  private static boolean subscribed(Mqtt5AsyncClient operator, String id, List<String> responses) {
    command(operator, id, "{\"commandId\":\"probe\",\"name\":\"reboot\"}");
    return responses.stream().anyMatch(r -> r.contains("\"probe\""));
  }

  private static void command(Mqtt5AsyncClient operator, String id, String json) {
    operator
        .publishWith()
        .topic("devices/" + id + "/commands")
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(json.getBytes(UTF_8))
        .send()
        .join();
  }

  private DeviceClientBuilder device(String id, HiveMqServer broker) {
    return DeviceClient.builder()
        .deviceId(id)
        .endpoint("127.0.0.1", broker.mqttPort())
        .token("any-token") // the broker here has no authentication extension
        .reconnectBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
  }

  private DeviceClient track(DeviceClient client) {
    open.add(client);
    return client;
  }

  interface Observer {
    void seen(String topic, String payload);
  }

  private Mqtt5AsyncClient observe(HiveMqServer broker, String filter, Observer observer) {
    Mqtt5AsyncClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("observer-" + TestDevices.createOne())
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .buildAsync();
    client.connect().join();
    client
        .subscribeWith()
        .topicFilter(filter)
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(
            p -> observer.seen(p.getTopic().toString(), new String(p.getPayloadAsBytes(), UTF_8)))
        .send()
        .join();
    open.add(() -> client.disconnect().join());
    return client;
  }
}
