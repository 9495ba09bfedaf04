package org.iotplatform.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.contracts.ShadowTopic.Operation;
import org.iotplatform.contracts.ShadowTopic.Response;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestDevices;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real HiveMQ with the bridge, a real Kafka broker and a real MQTT 5 client.
 *
 * <p>The servers are this class's own rather than the JVM's shared ones ({@code TestServers}): the
 * last test stops Kafka, which would break a shared broker for every test after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestionBridgeIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static KafkaServer kafka;
  private static HiveMqServer broker;

  private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

  @BeforeAll
  static void startServers() {
    kafka = KafkaServer.start(0);
    // One partition each, so that a later record of any device proves an earlier one absent.
    kafka.createTopics(1, KafkaTopics.TELEMETRY, KafkaTopics.DEVICE_EVENTS, KafkaTopics.SHADOW);
    BridgeConfig config =
        BridgeConfig.defaults(kafka.bootstrapServers())
            .withProducer(new ProducerTuning(Duration.ZERO, 16_384, 5, Duration.ofSeconds(2)))
            .withSendTimeout(Duration.ofSeconds(3));
    broker = HiveMqServer.builder().extension(IngestionBridge.embeddedExtension(config)).start();
  }

  @AfterAll
  static void stopServers() {
    if (broker != null) {
      broker.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @AfterEach
  void disconnectClients() {
    clients.forEach(
        client -> {
          if (client.getState().isConnected()) {
            client.disconnect();
          }
        });
  }

  @Test
  @Order(1)
  void acknowledgesQos1TelemetryOnlyOnceItIsInKafka() {
    String device = TestDevices.createOne();
    long before = endOffset(KafkaTopics.TELEMETRY);

    Mqtt5Qos1Result result =
        (Mqtt5Qos1Result)
            connect(device).publish(publish(DeviceTopic.telemetry(device).topic(), "{}"));

    assertThat(result.getPubAck().getReasonCode().isError()).isFalse();
    // No waiting: Kafka had the record before the device got its PUBACK.
    assertThat(endOffset(KafkaTopics.TELEMETRY)).isEqualTo(before + 1);
  }

  @Test
  @Order(2)
  void forwardsQos1TelemetryKeyedByDeviceWithPayloadUntouchedAndContractHeaders() {
    String device = TestDevices.createOne();
    String topic = DeviceTopic.telemetry(device).topic();
    String payload = "{\"ts\":1732280000123,\"seq\":42,\"metrics\":{\"temperature\":23.4}}";
    long sentAfter = System.currentTimeMillis();

    connect(device).publish(publish(topic, payload));

    ConsumerRecord<String, byte[]> record =
        firstMatch(KafkaTopics.TELEMETRY, r -> device.equals(r.key()));
    assertThat(record.value()).isEqualTo(payload.getBytes(UTF_8));
    assertThat(header(record, KafkaHeaders.TENANT_ID)).isEqualTo(Tenants.DEFAULT);
    assertThat(header(record, KafkaHeaders.MQTT_TOPIC)).isEqualTo(topic);
    assertThat(Long.parseLong(header(record, KafkaHeaders.RECEIVED_AT)))
        .isBetween(sentAfter, System.currentTimeMillis());
  }

  @Test
  @Order(3)
  void forwardsStatusToTheDeviceEventsTopic() {
    String device = TestDevices.createOne();

    connect(device).publish(publish(DeviceTopic.prefix(device) + "status", "{\"battery\":87}"));

    // The device's lifecycle records share the topic; a status record has no event type.
    ConsumerRecord<String, byte[]> record =
        firstMatch(KafkaTopics.DEVICE_EVENTS, r -> device.equals(r.key()) && eventType(r) == null);
    assertThat(record.value()).isEqualTo("{\"battery\":87}".getBytes(UTF_8));
  }

  @Test
  @Order(4)
  void forwardsQos0Telemetry() {
    String device = TestDevices.createOne();

    connect(device)
        .publishWith()
        .topic(DeviceTopic.telemetry(device).topic())
        .qos(MqttQos.AT_MOST_ONCE)
        .payload("{\"metrics\":{\"on\":true}}".getBytes(UTF_8))
        .send();

    ConsumerRecord<String, byte[]> record =
        firstMatch(KafkaTopics.TELEMETRY, r -> device.equals(r.key()));
    assertThat(record.value()).isEqualTo("{\"metrics\":{\"on\":true}}".getBytes(UTF_8));
  }

  @Test
  @Order(5)
  void rejectsPublishToAnotherDevicesTopicAndForwardsNothing() {
    List<String> devices = TestDevices.create(2);
    String intruder = devices.get(0);
    String victim = devices.get(1);
    String victimsTopic = DeviceTopic.telemetry(victim).topic();

    Mqtt5PubAckException refused =
        catchThrowableOfType(
            Mqtt5PubAckException.class,
            () -> connect(intruder).publish(publish(victimsTopic, "{\"forged\":true}")));
    connect(victim).publish(publish(victimsTopic, "{\"marker\":true}"));

    assertThat(refused.getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    List<ConsumerRecord<String, byte[]>> victimsRecords =
        readUntil(
                KafkaTopics.TELEMETRY,
                r -> victim.equals(r.key()) && new String(r.value(), UTF_8).contains("marker"))
            .stream()
            .filter(r -> victim.equals(r.key()))
            .toList();
    assertThat(victimsRecords)
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactly("{\"marker\":true}");
  }

  @Test
  @Order(6)
  void rejectsSubscriptionToOtherDevicesTopics() {
    String device = TestDevices.createOne();
    Mqtt5BlockingClient client = connect(device);

    Mqtt5SubAckException refused =
        catchThrowableOfType(
            Mqtt5SubAckException.class,
            () -> client.subscribeWith().topicFilter("devices/+/commands").send());

    assertThat(refused.getMqttMessage().getReasonCodes())
        .containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    assertThat(
            client
                .subscribeWith()
                .topicFilter(DeviceTopic.prefix(device) + "#")
                .send()
                .getReasonCodes())
        .noneMatch(Mqtt5SubAckReasonCode::isError);
  }

  @Test
  @Order(7)
  void recordsConnectedStatusAndACleanDisconnectInOrderOnTheDeviceEventsTopic() {
    String device = TestDevices.createOne();
    Mqtt5BlockingClient client = connect(device);
    client.publish(publish(DeviceTopic.prefix(device) + "status", "{\"battery\":50}"));
    client.disconnect();

    List<ConsumerRecord<String, byte[]>> events =
        readUntil(
                KafkaTopics.DEVICE_EVENTS,
                r -> device.equals(r.key()) && "disconnected".equals(eventType(r)))
            .stream()
            .filter(r -> device.equals(r.key()))
            .toList();

    assertThat(events)
        .extracting(IngestionBridgeIT::eventType)
        .containsExactly("connected", null, "disconnected");
    ConsumerRecord<String, byte[]> disconnected = events.get(2);
    assertThat(new String(disconnected.value(), UTF_8))
        .contains("\"clean\":true")
        .contains("\"reason\":");
    assertThat(header(disconnected, KafkaHeaders.TENANT_ID)).isEqualTo(Tenants.DEFAULT);
    assertThat(header(disconnected, KafkaHeaders.RECEIVED_AT)).isNotBlank();
  }

  @Test
  @Order(8)
  void forwardsTheLastWillWhenTheBrokerPublishesItAndNotAfterANormalDisconnect() {
    String leaving = TestDevices.createOne();
    String failing = TestDevices.createOne();
    String will = "{\"state\":\"offline\"}";

    connectWithWill(leaving, will).disconnect();
    connectWithWill(failing, will)
        .disconnectWith()
        .reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
        .send();

    List<ConsumerRecord<String, byte[]>> failingEvents = eventsUntilDisconnected(failing);
    assertThat(failingEvents)
        .extracting(IngestionBridgeIT::eventType)
        .containsExactly("connected", null, "disconnected");
    ConsumerRecord<String, byte[]> forwardedWill = failingEvents.get(1);
    assertThat(new String(forwardedWill.value(), UTF_8)).isEqualTo(will);
    assertThat(header(forwardedWill, KafkaHeaders.MQTT_TOPIC))
        .isEqualTo(DeviceTopic.prefix(failing) + "status");
    assertThat(eventsUntilDisconnected(leaving))
        .extracting(IngestionBridgeIT::eventType)
        .as("a normal DISCONNECT discards the will")
        .containsExactly("connected", "disconnected");
  }

  @Test
  @Order(9)
  void forwardsADelayedWillAfterItsDelayAndNoneForADeviceBackBeforeIt() {
    String late = TestDevices.createOne();
    String back = TestDevices.createOne();
    String will = "{\"state\":\"offline\"}";

    connectWithWill(late, will, 1)
        .disconnectWith()
        .reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
        .send();
    connectWithWill(back, will, 2)
        .disconnectWith()
        .reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
        .send();
    connectWithWill(back, will, 0).disconnect(); // back within the delay, then gone normally

    assertThat(
            readUntil(KafkaTopics.DEVICE_EVENTS, r -> late.equals(r.key()) && eventType(r) == null)
                .stream()
                .filter(r -> late.equals(r.key())))
        .extracting(IngestionBridgeIT::eventType)
        .as("the delayed will follows the disconnected event")
        .containsExactly("connected", "disconnected", null);
    List<ConsumerRecord<String, byte[]>> backEvents =
        readUntil(
                KafkaTopics.DEVICE_EVENTS,
                r ->
                    back.equals(r.key())
                        && "disconnected".equals(eventType(r))
                        && new String(r.value(), UTF_8).contains("\"clean\":true"))
            .stream()
            .filter(r -> back.equals(r.key()))
            .toList();
    assertThat(backEvents)
        .extracting(IngestionBridgeIT::eventType)
        .containsExactly("connected", "disconnected", "connected", "disconnected");
    // Its will would have been due 2 s after the first disconnect: it must not come, ever.
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                readAll(KafkaTopics.DEVICE_EVENTS).stream()
                    .noneMatch(r -> back.equals(r.key()) && eventType(r) == null));
  }

  @Test
  @Order(10)
  void forwardsQos1ShadowRequestsClassicAndNamedKeyedByDeviceWithContractHeaders() {
    String device = TestDevices.createOne();
    String update = ShadowTopic.classic(device, Operation.UPDATE).topic();
    String namedGet = ShadowTopic.named(device, "config", Operation.GET).topic();
    String state = "{\"state\":{\"reported\":{\"mode\":\"eco\"}},\"clientToken\":\"t-1\"}";
    Mqtt5BlockingClient client = connect(device);
    long sentAfter = System.currentTimeMillis();
    long before = endOffset(KafkaTopics.SHADOW);

    Mqtt5Qos1Result updated = (Mqtt5Qos1Result) client.publish(publish(update, state));
    // No waiting: Kafka had the record before the device got its PUBACK.
    assertThat(endOffset(KafkaTopics.SHADOW)).isEqualTo(before + 1);
    Mqtt5Qos1Result got = (Mqtt5Qos1Result) client.publish(publish(namedGet, ""));

    assertThat(updated.getPubAck().getReasonCode().isError()).isFalse();
    assertThat(got.getPubAck().getReasonCode().isError()).isFalse();
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
                KafkaTopics.SHADOW,
                r -> device.equals(r.key()) && namedGet.equals(header(r, KafkaHeaders.MQTT_TOPIC)))
            .stream()
            .filter(r -> device.equals(r.key()))
            .toList();
    assertThat(records)
        .extracting(r -> header(r, KafkaHeaders.MQTT_TOPIC))
        .containsExactly(update, namedGet);
    assertThat(records).extracting(r -> new String(r.value(), UTF_8)).containsExactly(state, "");
    assertThat(records)
        .allSatisfy(
            record -> {
              assertThat(header(record, KafkaHeaders.TENANT_ID)).isEqualTo(Tenants.DEFAULT);
              assertThat(Long.parseLong(header(record, KafkaHeaders.RECEIVED_AT)))
                  .isBetween(sentAfter, System.currentTimeMillis());
            });
  }

  @Test
  @Order(11)
  void refusesAPublishToTheDevicesOwnShadowDeltaAndForwardsNothing() {
    String device = TestDevices.createOne();
    ShadowTopic update = ShadowTopic.classic(device, Operation.UPDATE);
    String delta = update.responseTopic(Response.DELTA);

    Mqtt5PubAckException refused =
        catchThrowableOfType(
            Mqtt5PubAckException.class,
            () -> connect(device).publish(publish(delta, "{\"state\":{\"forged\":true}}")));
    // HiveMQ closes the connection after a refused publish: the device comes back to go on.
    connect(device).publish(publish(update.topic(), "{\"marker\":true}"));

    assertThat(refused.getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    assertThat(refused.getMqttMessage().getReasonString())
        .hasValueSatisfying(reason -> assertThat(reason.toString()).contains("answers"));
    List<ConsumerRecord<String, byte[]>> devicesRecords =
        readUntil(
                KafkaTopics.SHADOW,
                r -> device.equals(r.key()) && new String(r.value(), UTF_8).contains("marker"))
            .stream()
            .filter(r -> device.equals(r.key()))
            .toList();
    assertThat(devicesRecords)
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactly("{\"marker\":true}");
  }

  @Test
  @Order(12)
  void letsADeviceSubscribeToItsOwnShadowAnswers() {
    String device = TestDevices.createOne();

    assertThat(
            connect(device)
                .subscribeWith()
                .topicFilter(DeviceTopic.prefix(device) + "shadow/#")
                .send()
                .getReasonCodes())
        .noneMatch(Mqtt5SubAckReasonCode::isError);
  }

  private static List<ConsumerRecord<String, byte[]>> eventsUntilDisconnected(String device) {
    return readUntil(
            KafkaTopics.DEVICE_EVENTS,
            r -> device.equals(r.key()) && "disconnected".equals(eventType(r)))
        .stream()
        .filter(r -> device.equals(r.key()))
        .toList();
  }

  private Mqtt5BlockingClient connectWithWill(String clientId, String will) {
    return connectWithWill(clientId, will, 0);
  }

  /** With a will delay, and a session that lasts as long (the broker waits for the shorter). */
  private Mqtt5BlockingClient connectWithWill(String clientId, String will, long delaySeconds) {
    Mqtt5BlockingClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .buildBlocking();
    client
        .connectWith()
        .sessionExpiryInterval(delaySeconds)
        .willPublish()
        .topic(DeviceTopic.prefix(clientId) + "status")
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(will.getBytes(UTF_8))
        .delayInterval(delaySeconds)
        .applyWillPublish()
        .send();
    clients.add(client);
    return client;
  }

  @Test
  @Order(Integer.MAX_VALUE) // stops Kafka
  void refusesQos1PublishWhenKafkaIsDown() {
    String device = TestDevices.createOne();
    AtomicReference<@Nullable Throwable> disconnectedBy = new AtomicReference<>();
    Mqtt5BlockingClient client = connect(device, disconnectedBy);
    kafka.close();

    // The bridge has not seen Kafka fail yet: the publish went on through the broker (ADR 0024),
    // and once Kafka's verdict is in, the device is disconnected before that PUBACK can leave.
    Throwable unanswered =
        catchThrowable(() -> client.publish(publish(DeviceTopic.telemetry(device).topic(), "{}")));

    assertThat(unanswered).isNotInstanceOf(Mqtt5PubAckException.class).isNotNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> disconnectedBy.get() != null);
    assertThat(disconnectedBy.get())
        .isInstanceOfSatisfying(
            Mqtt5DisconnectException.class,
            disconnect ->
                assertThat(disconnect.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5DisconnectReasonCode.IMPLEMENTATION_SPECIFIC_ERROR));

    // Now the bridge knows: the next publish waits for Kafka and is refused with a reason code.
    Mqtt5BlockingClient again = connect(device);
    Mqtt5PubAckException refused =
        catchThrowableOfType(
            Mqtt5PubAckException.class,
            () -> again.publish(publish(DeviceTopic.telemetry(device).topic(), "{}")));

    assertThat(refused.getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
  }

  private Mqtt5BlockingClient connect(String clientId) {
    return connect(clientId, new AtomicReference<>());
  }

  /** Connects {@code clientId}; {@code disconnectedBy} receives why the connection ended. */
  private Mqtt5BlockingClient connect(
      String clientId, AtomicReference<@Nullable Throwable> disconnectedBy) {
    Mqtt5BlockingClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .addDisconnectedListener(context -> disconnectedBy.set(context.getCause()))
            .buildBlocking();
    client.connect();
    clients.add(client);
    return client;
  }

  private static Mqtt5Publish publish(String topic, String payload) {
    return Mqtt5Publish.builder()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload.getBytes(UTF_8))
        .build();
  }

  /** Reads {@code topic} from the beginning until a record matches {@code last}; returns all. */
  private static List<ConsumerRecord<String, byte[]>> readUntil(
      String topic, Predicate<ConsumerRecord<String, byte[]>> last) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(WAIT)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.stream().anyMatch(last);
              });
    }
    return records;
  }

  /** Every record the topic holds now. */
  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static long endOffset(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      return consumer.endOffsets(partitions(consumer, topic)).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  /** The first record of {@code topic} matching {@code match}, awaiting it. */
  private static ConsumerRecord<String, byte[]> firstMatch(
      String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
    return readUntil(topic, match).stream().filter(match).findFirst().orElseThrow();
  }

  private static @Nullable String eventType(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(KafkaHeaders.EVENT_TYPE);
    return header == null ? null : KafkaHeaders.decode(header.value());
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return KafkaHeaders.decode(header.value());
  }
}
