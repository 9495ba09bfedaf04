package org.iotplatform.sdk.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.iotplatform.sdk.Backoff;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.testsupport.HiveMqExtension;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shadow client over a real embedded broker, with {@link ShadowResponder} playing the shadow
 * service's MQTT answers.
 */
@ExtendWith(HiveMqExtension.class)
class DeviceShadowIT {

  private static final Duration BOUND = Duration.ofSeconds(20);

  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
  private final List<ShadowDelta> deltas = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  @Test
  void getOnConnectHandsTheDeltaMissedWhileOfflineToTheListener(HiveMqServer broker)
      throws Exception {
    String id = TestDevices.createOne();
    ShadowResponder service = track(ShadowResponder.start(broker, id));
    service.setDesired("targetTemperature", 22); // pushed while nobody listens
    DeviceClient device = track(device(id, broker, ShadowRetry.DEFAULT));
    DeviceShadow underTest = device.shadow();
    underTest.onDelta(deltas::add);

    device.connect().get(20, TimeUnit.SECONDS);

    await().atMost(BOUND).until(() -> !deltas.isEmpty());
    assertThat(deltas).hasSize(1);
    assertThat(deltas.get(0).state().toString()).isEqualTo("{\"targetTemperature\":22}");
    assertThat(deltas.get(0).version()).isEqualTo(1);
  }

  @Test
  void aPushedDeltaReachesTheListener(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    ShadowResponder service = track(ShadowResponder.start(broker, id));
    DeviceShadow underTest = connected(id, broker, ShadowRetry.DEFAULT, service);

    service.setDesired("mode", "eco");

    await().atMost(BOUND).until(() -> !deltas.isEmpty());
    assertThat(deltas.get(0).state().toString()).isEqualTo("{\"mode\":\"eco\"}");
    assertThat(underTest.version()).isEqualTo(1);
  }

  @Test
  void aDeltaOlderThanOneSeenIsIgnored(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    ShadowResponder service = track(ShadowResponder.start(broker, id));
    connected(id, broker, ShadowRetry.DEFAULT, service);
    service.setDesired("targetTemperature", 21);
    service.setDesired("targetTemperature", 22);
    await().atMost(BOUND).until(() -> deltas.size() == 2);

    service.pushDelta(1, Map.of("targetTemperature", 21)); // late
    service.pushDelta(2, Map.of("targetTemperature", 22)); // again
    service.setDesired("targetTemperature", 23);

    await().atMost(BOUND).until(() -> deltas.size() >= 3);
    assertThat(deltas).extracting(ShadowDelta::version).containsExactly(1L, 2L, 3L);
    assertThat(deltas.get(2).state().get("targetTemperature").intValue()).isEqualTo(23);
  }

  @Test
  void aReportCompletesWhenAcceptedAndFailsOnAVersionConflict(HiveMqServer broker)
      throws Exception {
    String id = TestDevices.createOne();
    ShadowResponder service = track(ShadowResponder.start(broker, id));
    DeviceShadow underTest = connected(id, broker, ShadowRetry.DEFAULT, service);

    ReportAccepted accepted =
        underTest.report(Map.of("targetTemperature", 22)).get(20, TimeUnit.SECONDS);
    CompletableFuture<ReportAccepted> conflicting =
        underTest.reportWithVersion(
            accepted.reported().deepCopy().put("targetTemperature", 23), accepted.version() - 1);

    assertThat(accepted.version()).isEqualTo(1);
    assertThat(service.reported().toString()).isEqualTo("{\"targetTemperature\":22}");
    assertThat(conflicting)
        .failsWithin(BOUND)
        .withThrowableThat()
        .havingCause()
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            rejected -> {
              assertThat(rejected.code()).isEqualTo(409);
              assertThat(rejected.errorCode()).isEqualTo("shadow.version-conflict");
            });
    assertThat(service.requests()).filteredOn(r -> r.has("version")).hasSize(1); // not retried
    assertThat(service.reported().toString()).isEqualTo("{\"targetTemperature\":22}");
  }

  @Test
  void aRequestWhoseAnswerWasLostIsAnsweredAfterTheReconnect(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    ShadowResponder service = track(ShadowResponder.start(broker, id));
    service.setDesired("targetTemperature", 22);
    // A time-out far beyond the test: only the reconnect can send the request again.
    DeviceShadow underTest =
        connected(id, broker, new ShadowRetry(Duration.ofMinutes(10), 3), service);
    service.dropNext(1);
    int before = service.requests().size();

    CompletableFuture<ShadowDocument> get = underTest.get();
    await().atMost(BOUND).until(() -> service.requests().size() > before);
    String token = service.requests().get(before).get("clientToken").stringValue();
    takeOverTheConnection(broker, id);

    ShadowDocument document = get.get(20, TimeUnit.SECONDS);
    assertThat(document.desired().toString()).isEqualTo("{\"targetTemperature\":22}");
    assertThat(service.requestsWithToken(token)).isEqualTo(2);
  }

  @Test
  void aRequestWithoutAnAnswerIsSentAgainWhenItsTimeRunsOut(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    ShadowResponder service = track(ShadowResponder.start(broker, id));
    DeviceShadow underTest =
        connected(id, broker, new ShadowRetry(Duration.ofSeconds(1), 3), service);
    service.dropNext(2);

    ReportAccepted accepted =
        underTest.report(Map.of("firmware", "2.4.1")).get(20, TimeUnit.SECONDS);

    assertThat(accepted.version()).isEqualTo(1);
    assertThat(service.requests()).filteredOn(r -> r.has("state")).hasSize(3);
  }

  @Test
  void aNamedShadowIsKeptApartFromTheClassicOne(HiveMqServer broker) throws Exception {
    String id = TestDevices.createOne();
    ShadowResponder classicService = track(ShadowResponder.start(broker, id));
    ShadowResponder configService = track(ShadowResponder.start(broker, id, "config"));
    List<ShadowDelta> configDeltas = new CopyOnWriteArrayList<>();
    DeviceClient device = track(device(id, broker, ShadowRetry.DEFAULT));
    device.shadow().onDelta(deltas::add);
    DeviceShadow underTest = device.shadow("config");
    underTest.onDelta(configDeltas::add);
    device.connect().get(20, TimeUnit.SECONDS);
    await()
        .atMost(BOUND)
        .until(() -> !classicService.requests().isEmpty() && !configService.requests().isEmpty());

    configService.setDesired("interval", 30);
    await().atMost(BOUND).until(() -> !configDeltas.isEmpty());
    classicService.setDesired("mode", "eco");
    await().atMost(BOUND).until(() -> !deltas.isEmpty());
    underTest.report(Map.of("interval", 30)).get(20, TimeUnit.SECONDS);

    assertThat(configDeltas)
        .extracting(d -> d.state().toString())
        .containsExactly("{\"interval\":30}");
    assertThat(deltas).extracting(d -> d.state().toString()).containsExactly("{\"mode\":\"eco\"}");
    assertThat(configService.reported().toString()).isEqualTo("{\"interval\":30}");
    assertThat(classicService.reported().isEmpty()).isTrue();
  }

  /** A device connected with its shadow's listener set and its first sync answered. */
  private DeviceShadow connected(
      String id, HiveMqServer broker, ShadowRetry retry, ShadowResponder service) throws Exception {
    DeviceClient device = track(device(id, broker, retry));
    DeviceShadow shadow = device.shadow();
    shadow.onDelta(deltas::add);
    device.connect().get(20, TimeUnit.SECONDS);
    // The sync get is sent once the answer topics are subscribed; answered, they are in place.
    await().atMost(BOUND).until(() -> !service.requests().isEmpty());
    return shadow;
  }

  /**
   * Another connection with the device's id takes its session over: the device loses its connection
   * (and, with a clean session, whatever was on its way to it) and reconnects.
   */
  private static void takeOverTheConnection(HiveMqServer broker, String id) {
    Mqtt5AsyncClient impostor =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(id)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .buildAsync();
    impostor.connect().join();
    // The device may already have taken the session back by reconnecting.
    impostor.disconnect().exceptionally(alreadyGone -> null).join();
  }

  private static DeviceClient device(String id, HiveMqServer broker, ShadowRetry retry) {
    return DeviceClient.builder()
        .deviceId(id)
        .endpoint("127.0.0.1", broker.mqttPort())
        .token("any-token") // the broker here has no authentication extension
        .reconnectBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
        .shadowRetry(retry)
        .build();
  }

  private <T extends AutoCloseable> T track(T closeable) {
    open.add(closeable);
    return closeable;
  }
}
