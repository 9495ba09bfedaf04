package org.iotplatform.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.Gauge;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.bridge.BridgeConfig.Limits;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaTopics;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's limits with a real HiveMQ, a real Kafka broker and real MQTT 5 clients: oversize
 * payloads, a device over its rate, and back-pressure while Kafka is stopped. Its own servers, as
 * the last test stops and restarts Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeLimitsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int MAX_PAYLOAD = 1024;
  private static final long MAX_IN_FLIGHT = 4096;
  private static final Limits LIMITS = new Limits(MAX_PAYLOAD, 1, 3, MAX_IN_FLIGHT);

  @TempDir static Path kafkaData;

  private static KafkaServer kafka;
  private static HiveMqServer broker;

  private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
  // Why the server ended a device's connection, by client id.
  private final Map<String, Mqtt5DisconnectReasonCode> disconnectReasons =
      new ConcurrentHashMap<>();

  @BeforeAll
  static void startServers() {
    kafka = KafkaServer.start(0, kafkaData);
    // One partition, so that a later record of any device proves an earlier one absent.
    kafka.createTopics(1, KafkaTopics.TELEMETRY, KafkaTopics.DEVICE_EVENTS);
    BridgeConfig config =
        BridgeConfig.defaults(kafka.bootstrapServers())
            .withProducer(new ProducerTuning(Duration.ZERO, 16_384, 5, Duration.ofSeconds(1)))
            .withSendTimeout(Duration.ofSeconds(3))
            .withLimits(LIMITS);
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
    clients.forEach(client -> client.disconnect().exceptionally(error -> null).join());
  }

  @Test
  @Order(1)
  void refusesAnOversizePayloadAsPayloadFormatInvalidWhileTheDevicesNormalPublishIsForwarded() {
    String device = TestDevices.createOne();
    Mqtt5AsyncClient client = connect(device);

    @Nullable Mqtt5PubAckReasonCode oversize =
        publish(client, device, payload(MAX_PAYLOAD + 1, 'x'));
    @Nullable Mqtt5PubAckReasonCode normal = publish(client, device, "{\"marker\":true}");

    assertThat(oversize).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
    assertThat(normal).isNull();
    assertThat(payloadsOf(device, "marker")).containsExactly("{\"marker\":true}");
  }

  @Test
  @Order(2)
  void refusesADeviceOverItsRateAsQuotaExceededWhileAnotherDeviceFlows() {
    List<String> devices = TestDevices.create(2);
    String flooding = devices.get(0);
    String quiet = devices.get(1);
    Mqtt5AsyncClient floodingClient = connect(flooding);
    List<@Nullable Mqtt5PubAckReasonCode> floodingCodes = new ArrayList<>();
    // A burst of 3 at 1 a second: 10 publishes in a row cannot all pass.
    for (int i = 0; i < 10; i++) {
      floodingCodes.add(publish(floodingClient, flooding, "{\"seq\":" + i + "}"));
    }

    @Nullable Mqtt5PubAckReasonCode quietCode = publish(connect(quiet), quiet, "{\"marker\":true}");

    assertThat(floodingCodes)
        .contains(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED)
        .allMatch(code -> code == null || code == Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
    assertThat(quietCode).isNull();
    long accepted = floodingCodes.stream().filter(code -> code == null).count();
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(r -> quiet.equals(r.key()) && text(r).contains("marker"));
    assertThat(records.stream().filter(r -> flooding.equals(r.key())).count())
        .as("only the accepted publishes are forwarded")
        .isEqualTo(accepted);
  }

  @Test
  @Order(3)
  void pushesBackWhileKafkaIsStoppedAndForwardsEveryAcknowledgedPublishOnceItReturns() {
    List<String> devices = TestDevices.create(10);
    List<Mqtt5AsyncClient> deviceClients =
        new ArrayList<>(devices.stream().map(this::connect).toList());
    List<String> acknowledged = new ArrayList<>();
    // The producer knows the topic's partitions before Kafka goes.
    assertThat(publish(deviceClients.get(0), devices.get(0), "{\"warm-up\":true}")).isNull();
    acknowledged.add("{\"warm-up\":true}");
    int port = kafka.port();
    kafka.close();

    // The bridge has not seen Kafka fail yet: the first publishes go on through the broker with
    // their PUBACKs held (ADR 0024), the rest wait for room. None is acknowledged: each is refused
    // with a reason code, or its device is disconnected with one before the PUBACK could leave.
    List<CompletableFuture<String>> duringOutage = new ArrayList<>();
    for (int seq = 0; seq < 2; seq++) {
      for (int d = 0; d < devices.size(); d++) {
        String payload = outagePayload(devices.get(d), seq);
        duringOutage.add(outcome(deviceClients.get(d), devices.get(d), payload));
      }
    }
    await().atMost(WAIT).until(() -> duringOutage.stream().allMatch(CompletableFuture::isDone));

    assertThat(duringOutage)
        .extracting(CompletableFuture::join)
        .containsAnyOf(DISCONNECTED)
        .isSubsetOf(REFUSED, DISCONNECTED);
    for (int d = 0; d < devices.size(); d++) {
      if (!deviceClients.get(d).getState().isConnected()) {
        assertThat(disconnectReasons.get(devices.get(d)))
            .isEqualTo(Mqtt5DisconnectReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
        deviceClients.set(d, connect(devices.get(d)));
      }
    }
    long peak = gaugeValue("org.iotplatform.bridge.in-flight.peak-bytes");
    assertThat(peak)
        .as("in flight reached its bound but never exceeded it")
        .isLessThanOrEqualTo(MAX_IN_FLIGHT)
        .isGreaterThan(MAX_IN_FLIGHT / 2);

    // Now the bridge knows: publishes wait for Kafka, then are refused with a reason code.
    List<CompletableFuture<@Nullable Mqtt5PubAckReasonCode>> known = new ArrayList<>();
    for (int d = 0; d < devices.size(); d++) {
      known.add(
          publishAsync(deviceClients.get(d), devices.get(d), outagePayload(devices.get(d), 2)));
    }
    await().atMost(WAIT).until(() -> known.stream().allMatch(CompletableFuture::isDone));
    assertThat(known)
        .extracting(CompletableFuture::join)
        .containsOnly(Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);

    kafka = KafkaServer.start(port, kafkaData);
    for (int d = 0; d < devices.size(); d++) {
      String device = devices.get(d);
      Mqtt5AsyncClient client = deviceClients.get(d);
      // The producer reconnects on its own; until then a publish may still be refused, and a
      // refused one may still reach Kafka (at-least-once): each attempt is a new message.
      AtomicInteger attempt = new AtomicInteger();
      AtomicReference<String> sent = new AtomicReference<>();
      await()
          .atMost(WAIT)
          .until(
              () -> {
                sent.set(
                    "{\"after\":\"" + device + "\",\"attempt\":" + attempt.incrementAndGet() + "}");
                return publish(client, device, sent.get()) == null;
              });
      acknowledged.add(sent.get());
    }

    String last = acknowledged.get(acknowledged.size() - 1);
    List<String> inKafka = readUntil(r -> text(r).equals(last)).stream().map(r -> text(r)).toList();
    for (String payload : acknowledged) {
      assertThat(inKafka).as("acknowledged %s", payload).containsOnlyOnce(payload);
    }
  }

  private Mqtt5AsyncClient connect(String clientId) {
    Mqtt5AsyncClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .addDisconnectedListener(
                context -> {
                  if (context.getCause() instanceof Mqtt5DisconnectException disconnect) {
                    disconnectReasons.put(clientId, disconnect.getMqttMessage().getReasonCode());
                  }
                })
            .buildAsync();
    client.connect().join();
    clients.add(client);
    return client;
  }

  /** Publishes with QoS 1 and waits: null when acknowledged, else the PUBACK's reason code. */
  private static @Nullable Mqtt5PubAckReasonCode publish(
      Mqtt5AsyncClient client, String device, String payload) {
    return publishAsync(client, device, payload).join();
  }

  private static final String REFUSED = "refused with IMPLEMENTATION_SPECIFIC_ERROR";
  private static final String DISCONNECTED = "no PUBACK: the connection ended";

  /**
   * Publishes with QoS 1: refused with a reason code, or ended without a PUBACK, or acknowledged.
   */
  private static CompletableFuture<String> outcome(
      Mqtt5AsyncClient client, String device, String payload) {
    return send(client, device, payload)
        .thenApply(
            failure -> {
              if (failure == null) {
                return "acknowledged";
              }
              if (failure instanceof Mqtt5PubAckException refused) {
                Mqtt5PubAckReasonCode code = refused.getMqttMessage().getReasonCode();
                return code == Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR
                    ? REFUSED
                    : "refused with " + code;
              }
              return DISCONNECTED;
            });
  }

  private static CompletableFuture<@Nullable Mqtt5PubAckReasonCode> publishAsync(
      Mqtt5AsyncClient client, String device, String payload) {
    return send(client, device, payload)
        .thenApply(
            failure -> {
              if (failure == null) {
                return null;
              }
              if (failure instanceof Mqtt5PubAckException refused) {
                return refused.getMqttMessage().getReasonCode();
              }
              throw new AssertionError("publish failed without a PUBACK", failure);
            });
  }

  /** Publishes telemetry with QoS 1; the future gives why it failed, or null once acknowledged. */
  private static CompletableFuture<@Nullable Throwable> send(
      Mqtt5AsyncClient client, String device, String payload) {
    Mqtt5Publish publish =
        Mqtt5Publish.builder()
            .topic(DeviceTopic.telemetry(device).topic())
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(payload.getBytes(UTF_8))
            .build();
    return client
        .publish(publish)
        .handle(
            (result, error) -> {
              Throwable failure = error;
              if (failure == null && result != null) {
                failure = result.getError().orElse(null);
              }
              return failure instanceof CompletionException ? failure.getCause() : failure;
            });
  }

  private static String payload(int bytes, char filler) {
    char[] chars = new char[bytes];
    Arrays.fill(chars, filler);
    return new String(chars);
  }

  /** About 900 bytes, unique per device and sequence number. */
  private static String outagePayload(String device, int seq) {
    return "{\"device\":\""
        + device
        + "\",\"seq\":"
        + seq
        + ",\"pad\":\""
        + payload(850, 'p')
        + "\"}";
  }

  private static long gaugeValue(String name) {
    // The broker runs in this JVM and was started last, so the SDK's static services are its own.
    Gauge<?> gauge = Services.metricRegistry().getGauges().get(name);
    assertThat(gauge).as("gauge %s", name).isNotNull();
    return ((Number) gauge.getValue()).longValue();
  }

  private static List<String> payloadsOf(String device, String lastContains) {
    return readUntil(r -> device.equals(r.key()) && text(r).contains(lastContains)).stream()
        .filter(r -> device.equals(r.key()))
        .map(BridgeLimitsIT::text)
        .toList();
  }

  private static String text(ConsumerRecord<String, byte[]> record) {
    return new String(record.value(), UTF_8);
  }

  /** Reads the telemetry topic from the start until a record matches {@code last}; returns all. */
  private static List<ConsumerRecord<String, byte[]>> readUntil(
      Predicate<ConsumerRecord<String, byte[]>> last) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = List.of(new TopicPartition(KafkaTopics.TELEMETRY, 0));
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
}
