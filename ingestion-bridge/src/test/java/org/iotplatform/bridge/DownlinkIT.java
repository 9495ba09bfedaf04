package org.iotplatform.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.bridge.internal.downlink.Downlink;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.DownlinkMessage;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestServers;
import org.iotplatform.testsupport.TestTopics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two embedded HiveMQ nodes, each with the bridge in a downlink group of its own, on one real Kafka
 * broker: a device is reached on whichever node it is connected to.
 */
class DownlinkIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
  private static final List<String> NODE_IDS = List.of("it-node-1", "it-node-2");

  private static KafkaServer kafka;
  private static String topic;
  private static KafkaProducer<String, String> producer;
  private static final List<HiveMqServer> nodes = new ArrayList<>();

  private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

  @BeforeAll
  static void startNodes() {
    kafka = TestServers.kafka();
    topic = TestTopics.unique("downlink");
    // One partition, so that a record read after another proves the earlier one handled.
    kafka.createTopics(1, topic);
    producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer());
    for (String nodeId : NODE_IDS) {
      BridgeConfig config =
          BridgeConfig.defaults(kafka.bootstrapServers())
              .withDownlink(new BridgeConfig.Downlink(topic, nodeId, 100));
      nodes.add(
          HiveMqServer.builder().extension(IngestionBridge.embeddedExtension(config)).start());
    }
    awaitEveryNodeReading();
  }

  @AfterAll
  static void stopNodes() {
    nodes.forEach(HiveMqServer::close);
    if (producer != null) {
      producer.close();
    }
  }

  @AfterEach
  void disconnectClients() {
    clients.stream()
        .filter(c -> c.getState().isConnected())
        .forEach(Mqtt5BlockingClient::disconnect);
  }

  @Test
  void deliversEachDevicesMessageExactlyOnceOnTheNodeItIsConnectedTo() {
    List<String> devices = TestDevices.create(2);
    String a = devices.get(0);
    String b = devices.get(1);
    List<String> receivedByA = subscribeToCommands(connect(a, 0), a);
    List<String> receivedByB = subscribeToCommands(connect(b, 1), b);

    send(a, command(a, "{\"commandId\":\"a-1\"}", null));
    send(b, command(b, "{\"commandId\":\"b-1\"}", null));
    send(a, command(a, "marker", null));
    send(b, command(b, "marker", null));

    await().atMost(WAIT).until(() -> receivedByA.contains("marker"));
    await().atMost(WAIT).until(() -> receivedByB.contains("marker"));
    assertThat(receivedByA).containsExactly("{\"commandId\":\"a-1\"}", "marker");
    assertThat(receivedByB).containsExactly("{\"commandId\":\"b-1\"}", "marker");
  }

  @Test
  void dropsAnExpiredMessageAndDeliversOneThatIsStillLive() {
    String device = TestDevices.createOne();
    List<String> received = subscribeToCommands(connect(device, 1), device);

    send(device, command(device, "expired", Instant.now().minusSeconds(1)));
    send(device, command(device, "live", Instant.now().plusSeconds(300)));

    await().atMost(WAIT).until(() -> received.contains("live"));
    assertThat(received).containsExactly("live");
  }

  @Test
  void neverDeliversARecordWhoseTopicNamesAnotherDevice() {
    List<String> devices = TestDevices.create(2);
    String sender = devices.get(0);
    String victim = devices.get(1);
    List<String> receivedByVictim = subscribeToCommands(connect(victim, 0), victim);

    // Keyed by one device, addressed to another: skipped on every node.
    send(sender, command(victim, "forged", null));
    send(victim, command(victim, "marker", null));

    await().atMost(WAIT).until(() -> receivedByVictim.contains("marker"));
    assertThat(receivedByVictim).containsExactly("marker");
  }

  @Test
  void keepsARetainedMessageOnEveryNodeForADeviceThatSubscribesLater() {
    String device = TestDevices.createOne();
    String shadowDelta = DeviceTopic.prefix(device) + "shadow/update/delta";
    send(device, new DownlinkMessage(shadowDelta, "{\"version\":3}", 1, true, null));
    String marker = TestDevices.createOne();
    List<String> markerReceived = subscribeToCommands(connect(marker, 1), marker);
    send(marker, command(marker, "marker", null));
    await().atMost(WAIT).until(() -> markerReceived.contains("marker"));

    List<String> received = new CopyOnWriteArrayList<>();
    connect(device, 1)
        .toAsync()
        .subscribeWith()
        .topicFilter(shadowDelta)
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(publish -> received.add(new String(publish.getPayloadAsBytes(), UTF_8)))
        .send()
        .join();

    await().atMost(WAIT).until(() -> received.contains("{\"version\":3}"));
  }

  @Test
  void deliversTheShadowAnswersToADeviceSubscribedToItsShadowTopics() {
    String device = TestDevices.createOne();
    ShadowTopic update = ShadowTopic.classic(device, ShadowTopic.Operation.UPDATE);
    List<String> received = new CopyOnWriteArrayList<>();
    connect(device, 0)
        .toAsync()
        .subscribeWith()
        .topicFilter(DeviceTopic.prefix(device) + "shadow/#")
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(
            publish ->
                received.add(
                    publish.getTopic() + " " + new String(publish.getPayloadAsBytes(), UTF_8)))
        .send()
        .join();

    String accepted = update.responseTopic(ShadowTopic.Response.ACCEPTED);
    String delta = update.responseTopic(ShadowTopic.Response.DELTA);
    send(device, new DownlinkMessage(accepted, "{\"version\":4}", 1, false, null));
    send(device, new DownlinkMessage(delta, "{\"version\":5}", 1, false, null));

    await().atMost(WAIT).until(() -> received.size() == 2);
    assertThat(received).containsExactly(accepted + " {\"version\":4}", delta + " {\"version\":5}");
  }

  private Mqtt5BlockingClient connect(String deviceId, int node) {
    Mqtt5BlockingClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(deviceId)
            .serverHost("127.0.0.1")
            .serverPort(nodes.get(node).mqttPort())
            .buildBlocking();
    client.connect();
    clients.add(client);
    return client;
  }

  private static List<String> subscribeToCommands(Mqtt5BlockingClient client, String deviceId) {
    List<String> received = new CopyOnWriteArrayList<>();
    client
        .toAsync()
        .subscribeWith()
        .topicFilter(DeviceTopic.prefix(deviceId) + DeviceTopic.COMMANDS)
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(publish -> received.add(new String(publish.getPayloadAsBytes(), UTF_8)))
        .send()
        .join();
    return received;
  }

  private static DownlinkMessage command(
      String deviceId, String payload, @Nullable Instant expiresAt) {
    return new DownlinkMessage(
        DeviceTopic.prefix(deviceId) + DeviceTopic.COMMANDS, payload, 1, false, expiresAt);
  }

  private static void send(String key, DownlinkMessage message) {
    try {
      producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(message))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * A new group starts at the end of the topic, so records sent before a node has its position
   * would pass it by. Probes (for a device nobody holds) until every node's group committed.
   */
  private static void awaitEveryNodeReading() {
    String nobody = TestDevices.createOne();
    TopicPartition partition = new TopicPartition(topic, 0);
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                send(nobody, command(nobody, "probe", null));
                for (String nodeId : NODE_IDS) {
                  Map<TopicPartition, OffsetAndMetadata> offsets =
                      admin
                          .listConsumerGroupOffsets(Downlink.GROUP_PREFIX + nodeId)
                          .partitionsToOffsetAndMetadata()
                          .get();
                  if (offsets.get(partition) == null) {
                    return false;
                  }
                }
                return true;
              });
    }
  }
}
