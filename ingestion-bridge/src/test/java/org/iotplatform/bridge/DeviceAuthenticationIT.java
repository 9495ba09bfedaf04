package org.iotplatform.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.bridge.BridgeConfig.AuthMode;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.DeviceSnapshot.Credential;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.HiveMqTlsListener.ClientAuthentication;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestCertificates;
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
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token authentication through a real HiveMQ with the bridge and a real Kafka broker, with no
 * registry at all: the device snapshots exist only on {@code iot.devices.v1}, as the registry would
 * have written them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceAuthenticationIT {

  /** ADR 0006: a revoked credential stops working within 5 seconds. */
  private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TENANT = "acme";
  private static final String TOKEN = "k3y-of-the-first-device-0123456789abcdefghi";
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
  private static final String HASH =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(TOKEN);

  private static final TestCertificates.Authority PLATFORM_CA =
      TestCertificates.authority("test platform CA");

  @TempDir static Path stores;

  private static KafkaServer kafka;
  private static KafkaProducer<String, byte[]> producer;
  private static HiveMqServer broker;
  private static String knownBeforeStart;

  private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

  @BeforeAll
  static void startServers() {
    kafka = KafkaServer.start(0);
    kafka.createTopics(2, KafkaTopics.TELEMETRY, KafkaTopics.DEVICE_EVENTS, KafkaTopics.DEVICES);
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());
    knownBeforeStart = TestDevices.createOne();
    publishSnapshot(knownBeforeStart, 1, null);
    BridgeConfig config =
        BridgeConfig.defaults(kafka.bootstrapServers())
            .withAuth(BridgeConfig.Auth.defaults().withMode(AuthMode.CREDENTIALS));
    broker =
        HiveMqServer.builder()
            // OPTIONAL: a device may use TLS without a client certificate and log in with its
            // token.
            .tls(PLATFORM_CA.hiveMqListener(stores, ClientAuthentication.OPTIONAL))
            .extension(IngestionBridge.embeddedExtension(config))
            .start();
  }

  @AfterAll
  static void stopServers() {
    if (broker != null) {
      broker.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @AfterEach
  void disconnectClients() {
    clients.stream()
        .filter(c -> c.getState().isConnected())
        .forEach(Mqtt5BlockingClient::disconnect);
  }

  @Test
  void deviceKnownOnlyFromTheTopicConnectsWithItsToken() {
    // The view may still be loading right after start (SERVER_UNAVAILABLE): retry as devices do.
    Mqtt5BlockingClient client = awaitConnected(knownBeforeStart, TOKEN);

    assertThat(client.getState().isConnected()).isTrue();
  }

  @Test
  void forwardsWithTheTenantOfTheDevicesSnapshot() {
    awaitConnected(knownBeforeStart, TOKEN)
        .publishWith()
        .topic(DeviceTopic.telemetry(knownBeforeStart).topic())
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload("{}".getBytes(UTF_8))
        .send();

    ConsumerRecord<String, byte[]> record =
        firstRecord(KafkaTopics.TELEMETRY, r -> knownBeforeStart.equals(r.key()));
    assertThat(KafkaHeaders.decode(record.headers().lastHeader(KafkaHeaders.TENANT_ID).value()))
        .isEqualTo(TENANT);
  }

  @Test
  void deviceConnectsWithItsTokenOverTlsWithoutAClientCertificate() {
    Mqtt5BlockingClient client =
        await()
            .atMost(WAIT)
            .ignoreException(Mqtt5ConnAckException.class)
            .until(
                () ->
                    connect(
                        knownBeforeStart,
                        TOKEN,
                        MqttClient.builder()
                            .serverPort(broker.tlsPort())
                            .sslConfig(
                                MqttClientSslConfig.builder()
                                    .trustManagerFactory(PLATFORM_CA.trustManagerFactory())
                                    .build())),
                c -> c.getState().isConnected());

    assertThat(client.getState().isConnected()).isTrue();
    assertThat(client.getConfig().getServerAddress().getPort()).isEqualTo(broker.tlsPort());
  }

  @Test
  void refusesAWrongTokenAsBadUserNameOrPassword() {
    awaitConnected(knownBeforeStart, TOKEN);

    Mqtt5ConnAckException refused =
        catchThrowableOfType(Mqtt5ConnAckException.class, () -> connect(knownBeforeStart, "nope"));

    assertThat(refused.getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    assertThat(refused.getMqttMessage().getReasonString()).isPresent();
  }

  @Test
  void disconnectsTheSessionAndRefusesReconnectsWithinTheBoundOnceTheTokenIsRevoked() {
    String device = TestDevices.createOne();
    publishSnapshot(device, 1, null);
    Mqtt5BlockingClient client = awaitConnected(device, TOKEN);

    publishSnapshot(device, 2, Instant.now());

    await().atMost(REVOCATION_BOUND).until(() -> !client.getState().isConnected());
    Mqtt5ConnAckException refused =
        catchThrowableOfType(Mqtt5ConnAckException.class, () -> connect(device, TOKEN));
    assertThat(refused.getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    ConsumerRecord<String, byte[]> disconnected =
        firstRecord(
            KafkaTopics.DEVICE_EVENTS,
            r ->
                device.equals(r.key())
                    && r.headers().lastHeader(KafkaHeaders.EVENT_TYPE) != null
                    && "disconnected"
                        .equals(
                            KafkaHeaders.decode(
                                r.headers().lastHeader(KafkaHeaders.EVENT_TYPE).value())));
    assertThat(new String(disconnected.value(), UTF_8))
        .contains("\"clean\":false")
        .contains("revoked");
  }

  @Test
  @Order(Integer.MAX_VALUE) // stops Kafka
  void knownDeviceStillConnectsWhileKafkaIsDown() {
    awaitConnected(knownBeforeStart, TOKEN).disconnect();
    kafka.close();

    assertThat(connect(knownBeforeStart, TOKEN).getState().isConnected()).isTrue();
  }

  /** The first record of {@code topic} matching {@code match}, reading from the beginning. */
  private static ConsumerRecord<String, byte[]> firstRecord(
      String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      await()
          .atMost(WAIT)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.stream().anyMatch(match);
              });
      return records.stream().filter(match).findFirst().orElseThrow();
    }
  }

  private Mqtt5BlockingClient awaitConnected(String device, String token) {
    return await()
        .atMost(WAIT)
        .ignoreException(Mqtt5ConnAckException.class)
        .until(() -> connect(device, token), c -> c.getState().isConnected());
  }

  private Mqtt5BlockingClient connect(String device, String token) {
    return connect(device, token, MqttClient.builder().serverPort(broker.mqttPort()));
  }

  private Mqtt5BlockingClient connect(String device, String token, MqttClientBuilder transport) {
    Mqtt5BlockingClient client =
        transport.useMqttVersion5().identifier(device).serverHost("127.0.0.1").buildBlocking();
    clients.add(client);
    client
        .connectWith()
        .simpleAuth()
        .username(device)
        .password(token.getBytes(UTF_8))
        .applySimpleAuth()
        .send();
    return client;
  }

  private static void publishSnapshot(String device, long version, @Nullable Instant revokedAt) {
    Credential token =
        new Credential("cred-" + device, Credential.TOKEN, null, null, HASH, null, null, revokedAt);
    DeviceSnapshot snapshot =
        new DeviceSnapshot(
            TENANT,
            device,
            "thermometer",
            null,
            Map.of(),
            null,
            "OFFLINE",
            version,
            Instant.now(),
            List.of(token));
    try {
      producer
          .send(new ProducerRecord<>(KafkaTopics.DEVICES, device, JSON.writeValueAsBytes(snapshot)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
