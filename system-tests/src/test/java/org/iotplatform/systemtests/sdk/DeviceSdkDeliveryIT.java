package org.iotplatform.systemtests.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.IngestionBridge;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.sdk.Backoff;
import org.iotplatform.sdk.ConnectionListener;
import org.iotplatform.sdk.ConnectionState;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.DeviceClientBuilder;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.iotplatform.sdk.OfflineBuffer;
import org.iotplatform.sdk.PublishReceipt;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's promise, against brokers with the ingestion bridge and a real Kafka: what a device
 * publishes reaches Kafka, none lost and in order, across a broker restart, a fail-over to another
 * node and a restart of the device itself.
 */
class DeviceSdkDeliveryIT {

  private static final Duration BOUND = Duration.ofSeconds(60);

  private static KafkaServer kafka;

  private final List<AutoCloseable> open = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  static void startKafka() {
    kafka = TestServers.kafka();
    kafka.createTopics(
        4,
        KafkaTopics.TELEMETRY,
        KafkaTopics.DEVICE_EVENTS,
        KafkaTopics.DEVICES,
        KafkaTopics.DOWNLINK);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void messagesPublishedAcrossABrokerRestartArriveAllAndInOrder() throws Exception {
    int port = FreePorts.pick();
    HiveMqServer broker = track(broker(port, "restart"));
    String id = TestDevices.createOne();
    DeviceClient underTest = track(device(id, port).build());
    underTest.connect().get(30, TimeUnit.SECONDS);

    List<CompletableFuture<PublishReceipt>> sent = new ArrayList<>();
    publish(underTest, 100, sent); // some still in flight when the broker goes
    broker.close();
    await().atMost(BOUND).until(() -> underTest.state() == ConnectionState.CONNECTING);
    publish(underTest, 100, sent); // buffered while the broker is away
    assertThat(underTest.stats().buffered()).isPositive();
    track(broker(port, "restart"));

    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertArrivedInOrder(id, 200);
    assertThat(underTest.stats().connects()).isEqualTo(2);
  }

  @Test
  void aDeviceFailsOverToTheNextNodeWhenItsHomeNodeGoes() throws Exception {
    String id = TestDevices.createOne();
    int homePort = FreePorts.pick();
    int otherPort = FreePorts.pick();
    HiveMqServer home = track(broker(homePort, "home"));
    track(broker(otherPort, "other"));
    List<Endpoint> connectedTo = new CopyOnWriteArrayList<>();
    DeviceClient underTest =
        track(
            device(id, homeOrder(id, homePort, otherPort))
                .connectionListener(
                    new ConnectionListener() {
                      @Override
                      public void connected(Endpoint endpoint) {
                        connectedTo.add(endpoint);
                      }
                    })
                .build());
    underTest.connect().get(30, TimeUnit.SECONDS);

    List<CompletableFuture<PublishReceipt>> sent = new ArrayList<>();
    publish(underTest, 50, sent);
    home.close();
    publish(underTest, 50, sent);

    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(connectedTo).extracting(Endpoint::port).startsWith(homePort).contains(otherPort);
    assertArrivedInOrder(id, 100);
  }

  @Test
  void aDiskBufferHandsOverWhatADeviceCouldNotSendToItsNextStart() throws Exception {
    int port = FreePorts.pick(); // no broker there yet: the device is offline
    String id = TestDevices.createOne();
    OfflineBuffer buffer = OfflineBuffer.onDisk(dir.resolve("buffer"), 1024 * 1024);
    DeviceClient firstRun = device(id, port).offlineBuffer(buffer).build();
    firstRun.connect();
    List<CompletableFuture<PublishReceipt>> sent = new ArrayList<>();
    publish(firstRun, 30, sent);
    firstRun.close();

    track(broker(port, "disk"));
    DeviceClient secondRun = track(device(id, port).offlineBuffer(buffer).build());
    secondRun.connect().get(30, TimeUnit.SECONDS);

    await().atMost(BOUND).until(() -> secondRun.stats().buffered() == 0);
    assertArrivedInOrder(id, 30);
  }

  @Test
  void refusedCredentialsFailTheFirstConnectWithAClearError() throws Exception {
    int port = FreePorts.pick();
    BridgeConfig config =
        BridgeConfig.defaults(kafka.bootstrapServers())
            .withAuth(BridgeConfig.Auth.defaults().withMode(BridgeConfig.AuthMode.CREDENTIALS));
    track(
        HiveMqServer.builder()
            .mqttPort(port)
            .extension(IngestionBridge.embeddedExtension(config))
            .start());
    DeviceClient underTest = track(device(TestDevices.createOne(), port).build());

    assertThatThrownBy(() -> underTest.connect().get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("refused the credentials");
    assertThat(underTest.state()).isEqualTo(ConnectionState.CLOSED);
  }

  private static void publish(
      DeviceClient device, int count, List<CompletableFuture<PublishReceipt>> sent) {
    for (int i = 0; i < count; i++) {
      sent.add(device.publish(TelemetryMessage.builder().metric("n", (long) sent.size()).build()));
    }
  }

  private static void assertArrivedInOrder(String id, int count) {
    List<Long> expected = LongStream.rangeClosed(1, count).boxed().toList();
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(
                        TelemetryRecords.firstArrivals(
                            TelemetryRecords.sequences(kafka.bootstrapServers(), id)))
                    .containsExactlyElementsOf(expected));
  }

  /** The two ports in the order that makes {@code homePort} the device's home endpoint. */
  private static List<Integer> homeOrder(String id, int homePort, int otherPort) {
    return Math.floorMod(id.hashCode(), 2) == 0
        ? List.of(homePort, otherPort)
        : List.of(otherPort, homePort);
  }

  private DeviceClientBuilder device(String id, int port) {
    return device(id, List.of(port));
  }

  private DeviceClientBuilder device(String id, List<Integer> ports) {
    DeviceClientBuilder builder =
        DeviceClient.builder()
            .deviceId(id)
            .token("token-" + id) // the bridge here authenticates nobody (mode none)
            .reconnectBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)));
    ports.forEach(port -> builder.endpoint("127.0.0.1", port));
    return builder;
  }

  private HiveMqServer broker(int port, String node) {
    BridgeConfig defaults = BridgeConfig.defaults(kafka.bootstrapServers());
    BridgeConfig config = defaults.withDownlink(defaults.downlink().withNodeId(node + "-" + port));
    return HiveMqServer.builder()
        .mqttPort(port)
        .extension(IngestionBridge.embeddedExtension(config))
        .start();
  }

  private <T extends AutoCloseable> T track(T closeable) {
    open.add(closeable);
    return closeable;
  }
}
