package org.iotplatform.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
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
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.HiveMqTlsListener.ClientAuthentication;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestCertificates;
import org.iotplatform.testsupport.TestCertificates.Authority;
import org.iotplatform.testsupport.TestCertificates.Issued;
import org.iotplatform.testsupport.TestDevices;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificate authentication through a real HiveMQ whose TLS listener requires a client certificate
 * of a test platform CA, with the bridge in mode {@code credentials} and a real Kafka broker
 * carrying the device snapshots, as the registry would have written them.
 */
class DeviceCertificateIT {

  /** ADR 0006: a revoked credential stops working within 5 seconds. */
  private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
  private static final Authority PLATFORM_CA = TestCertificates.authority("test platform CA");

  @TempDir static Path stores;

  private static KafkaServer kafka;
  private static KafkaProducer<String, byte[]> producer;
  private static HiveMqServer broker;

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
    BridgeConfig config =
        BridgeConfig.defaults(kafka.bootstrapServers())
            .withAuth(BridgeConfig.Auth.defaults().withMode(AuthMode.CREDENTIALS));
    broker =
        HiveMqServer.builder()
            .tls(PLATFORM_CA.hiveMqListener(stores, ClientAuthentication.REQUIRED))
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
  void deviceWithAListedCertificateConnectsAndPublishes() {
    String device = TestDevices.createOne();
    Issued certificate = PLATFORM_CA.issueClient(device);
    publishSnapshot(device, 1, certificate, null);

    awaitConnected(device, certificate)
        .publishWith()
        .topic(DeviceTopic.telemetry(device).topic())
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload("{\"metrics\":{\"t\":1}}".getBytes(UTF_8))
        .send();

    assertThat(new String(firstTelemetryOf(device).value(), UTF_8))
        .isEqualTo("{\"metrics\":{\"t\":1}}");
  }

  @Test
  void refusesTheCertificateOfAnUnknownDeviceAsNotAuthorized() {
    awaitViewReady();
    String unknown = TestDevices.createOne();

    Mqtt5ConnAck refused = refusal(unknown, PLATFORM_CA.issueClient(unknown));

    assertThat(refused.getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    assertThat(refused.getReasonString()).isPresent();
  }

  @Test
  void refusesARevokedCertificateAsNotAuthorized() {
    String device = TestDevices.createOne();
    Issued certificate = PLATFORM_CA.issueClient(device);
    publishSnapshot(device, 1, certificate, Instant.now().minusSeconds(60));

    // Until the view holds the snapshot the device is unknown (also NOT_AUTHORIZED): wait for the
    // refusal that says the certificate was revoked.
    Mqtt5ConnAck refused =
        await()
            .atMost(WAIT)
            .until(
                () -> refusal(device, certificate),
                r -> r.getReasonString().map(s -> s.toString().contains("revoked")).orElse(false));

    assertThat(refused.getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
  }

  @Test
  void refusesAClientIdOtherThanTheCertificatesCommonName() {
    String device = TestDevices.createOne();
    Issued certificate = PLATFORM_CA.issueClient(device);
    publishSnapshot(device, 1, certificate, null);
    awaitConnected(device, certificate).disconnect();

    Mqtt5ConnAck refused = refusal(device + "-other", certificate);

    assertThat(refused.getReasonCode())
        .isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
  }

  @Test
  void failsTheTlsHandshakeForACertificateOfAnotherCa() {
    awaitViewReady();
    String device = TestDevices.createOne();
    Issued foreign = TestCertificates.authority("another CA").issueClient(device);
    publishSnapshot(device, 1, foreign, null); // even listed, it must not get past TLS

    Throwable failure = catchThrowable(() -> connect(device, foreign));

    // Refused by the TLS layer, before any CONNECT reached the bridge.
    assertThat(failure).hasRootCauseInstanceOf(SSLException.class);
    assertThat(clients.get(clients.size() - 1).getState().isConnected()).isFalse();
  }

  @Test
  void disconnectsTheSessionWithinTheBoundOnceItsCertificateIsRevoked() {
    String device = TestDevices.createOne();
    Issued certificate = PLATFORM_CA.issueClient(device);
    publishSnapshot(device, 1, certificate, null);
    Mqtt5BlockingClient client = awaitConnected(device, certificate);

    publishSnapshot(device, 2, certificate, Instant.now());

    await().atMost(REVOCATION_BOUND).until(() -> !client.getState().isConnected());
    assertThat(refusal(device, certificate).getReasonCode())
        .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
  }

  /** Waits until the bridge's device view has caught up, so a refusal is not SERVER_UNAVAILABLE. */
  private void awaitViewReady() {
    String device = TestDevices.createOne();
    Issued certificate = PLATFORM_CA.issueClient(device);
    publishSnapshot(device, 1, certificate, null);
    awaitConnected(device, certificate).disconnect();
  }

  private Mqtt5BlockingClient awaitConnected(String clientId, Issued certificate) {
    return await()
        .atMost(WAIT)
        .ignoreException(Mqtt5ConnAckException.class)
        .until(() -> connect(clientId, certificate), c -> c.getState().isConnected());
  }

  private Mqtt5ConnAck refusal(String clientId, Issued certificate) {
    return catchThrowableOfType(Mqtt5ConnAckException.class, () -> connect(clientId, certificate))
        .getMqttMessage();
  }

  private Mqtt5BlockingClient connect(String clientId, Issued certificate) {
    Mqtt5BlockingClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(broker.tlsPort())
            .sslConfig(
                MqttClientSslConfig.builder()
                    .trustManagerFactory(PLATFORM_CA.trustManagerFactory())
                    .keyManagerFactory(certificate.keyManagerFactory())
                    .build())
            .buildBlocking();
    clients.add(client);
    client.connect();
    return client;
  }

  private static ConsumerRecord<String, byte[]> firstTelemetryOf(String device) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(KafkaTopics.TELEMETRY).stream()
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
                return records.stream().anyMatch(r -> device.equals(r.key()));
              });
      return records.stream().filter(r -> device.equals(r.key())).findFirst().orElseThrow();
    }
  }

  private static void publishSnapshot(
      String device, long version, Issued certificate, @Nullable Instant revokedAt) {
    Credential credential =
        new Credential(
            "cert-" + device,
            Credential.CERTIFICATE,
            certificate.certificate().getSerialNumber().toString(16),
            certificate.thumbprint(),
            null,
            certificate.certificate().getNotBefore().toInstant(),
            certificate.certificate().getNotAfter().toInstant(),
            revokedAt);
    DeviceSnapshot snapshot =
        new DeviceSnapshot(
            "acme",
            device,
            "thermometer",
            null,
            Map.of(),
            null,
            "OFFLINE",
            version,
            Instant.now(),
            List.of(credential));
    try {
      producer
          .send(new ProducerRecord<>(KafkaTopics.DEVICES, device, JSON.writeValueAsBytes(snapshot)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
