package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.HiveMqTlsListener.ClientAuthentication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(HiveMqExtension.class)
class HiveMqServerIT {

  @Test
  void deliversAPublishToASubscriber(HiveMqServer underTest) throws Exception {
    String deviceId = TestDevices.createOne();
    String topic = DeviceTopic.telemetry(deviceId).topic();
    Mqtt5BlockingClient subscriber = connect(underTest, deviceId + "-sub");
    Mqtt5BlockingClient publisher = connect(underTest, deviceId);
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

      publisher
          .publishWith()
          .topic(topic)
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload("{\"metrics\":{\"t\":1}}".getBytes(StandardCharsets.UTF_8))
          .send();

      Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"metrics\":{\"t\":1}}");
    } finally {
      publisher.disconnect();
      subscriber.disconnect();
    }
  }

  @Test
  void runsTheGivenEmbeddedExtension() {
    AtomicBoolean started = new AtomicBoolean();

    HiveMqServer underTest =
        TestServers.hiveMq(
            () ->
                EmbeddedExtension.builder()
                    .withId("probe")
                    .withName("probe")
                    .withVersion("1")
                    .withExtensionMain(new StartProbe(started))
                    .build());

    await().atMost(Duration.ofSeconds(10)).untilTrue(started);
    Mqtt5BlockingClient client = connect(underTest, TestDevices.createOne());
    client.disconnect();
  }

  @Test
  void keepsASessionAcrossARestartWithFilePersistence(@TempDir Path dataDir) throws Exception {
    String deviceId = TestDevices.createOne();
    String topic = DeviceTopic.prefix(deviceId) + "commands";
    try (HiveMqServer underTest = filePersistent(dataDir)) {
      Mqtt5BlockingClient device = connect(underTest, deviceId, false);
      device.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      device.disconnect();
    }

    try (HiveMqServer underTest = filePersistent(dataDir)) {
      Mqtt5BlockingClient operator = connect(underTest, deviceId + "-operator");
      operator.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {1}).send();
      operator.disconnect();
      Mqtt5BlockingClient device = client(underTest, deviceId);
      // Listen before connecting: the broker delivers queued messages right after CONNACK.
      try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
          device.publishes(MqttGlobalPublishFilter.ALL)) {
        device.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
        // The subscription survived the restart, so the message was queued for the device.
        assertThat(publishes.receive(10, TimeUnit.SECONDS)).isPresent();
      } finally {
        device.disconnect();
      }
    }
  }

  @Test
  void acceptsAClientCertificateOfTheTrustedCaOverTls(@TempDir Path dir) {
    TestCertificates.Authority ca = TestCertificates.authority("test CA");
    String deviceId = TestDevices.createOne();
    try (HiveMqServer underTest =
        HiveMqServer.builder().tls(ca.hiveMqListener(dir, ClientAuthentication.REQUIRED)).start()) {
      Mqtt5BlockingClient client = tlsClient(underTest, deviceId, ca, ca.issueClient(deviceId));

      client.connect();

      assertThat(client.getState().isConnected()).isTrue();
      assertThat(underTest.tlsUri()).isEqualTo("ssl://127.0.0.1:" + underTest.tlsPort());
      client.disconnect();
      // The plain listener stays.
      connect(underTest, deviceId + "-plain").disconnect();
    }
  }

  @Test
  void writesItsConfigurationWithTheStorePasswordsForItsOwnerOnly(@TempDir Path dir)
      throws Exception {
    TestCertificates.Authority ca = TestCertificates.authority("test CA");
    try (HiveMqServer underTest =
        HiveMqServer.builder()
            .dataDir(dir.resolve("hivemq"))
            .tls(ca.hiveMqListener(dir, ClientAuthentication.OPTIONAL))
            .start()) {
      assertThat(Files.getPosixFilePermissions(dir.resolve("hivemq/conf/config.xml")))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void refusesATlsClientWithoutACertificateWhenOneIsRequired(@TempDir Path dir) {
    TestCertificates.Authority ca = TestCertificates.authority("test CA");
    try (HiveMqServer underTest =
        HiveMqServer.builder().tls(ca.hiveMqListener(dir, ClientAuthentication.REQUIRED)).start()) {
      Mqtt5BlockingClient client = tlsClient(underTest, TestDevices.createOne(), ca, null);

      assertThatThrownBy(client::connect).hasRootCauseInstanceOf(SSLException.class);
      assertThat(client.getState().isConnected()).isFalse();
    }
  }

  private static Mqtt5BlockingClient tlsClient(
      HiveMqServer broker,
      String clientId,
      TestCertificates.Authority trusted,
      TestCertificates.@Nullable Issued certificate) {
    MqttClientSslConfigBuilder ssl =
        MqttClientSslConfig.builder().trustManagerFactory(trusted.trustManagerFactory());
    if (certificate != null) {
      ssl = ssl.keyManagerFactory(certificate.keyManagerFactory());
    }
    return MqttClient.builder()
        .useMqttVersion5()
        .identifier(clientId)
        .serverHost("127.0.0.1")
        .serverPort(broker.tlsPort())
        .sslConfig(ssl.build())
        .buildBlocking();
  }

  private static HiveMqServer filePersistent(Path dataDir) {
    return HiveMqServer.builder()
        .dataDir(dataDir)
        .persistence(HiveMqServer.Persistence.FILE)
        .start();
  }

  private static Mqtt5BlockingClient connect(HiveMqServer broker, String clientId) {
    return connect(broker, clientId, true);
  }

  private static Mqtt5BlockingClient connect(
      HiveMqServer broker, String clientId, boolean cleanStart) {
    Mqtt5BlockingClient client = client(broker, clientId);
    client.connectWith().cleanStart(cleanStart).sessionExpiryInterval(cleanStart ? 0 : 3600).send();
    return client;
  }

  private static Mqtt5BlockingClient client(HiveMqServer broker, String clientId) {
    return MqttClient.builder()
        .useMqttVersion5()
        .identifier(clientId)
        .serverHost("127.0.0.1")
        .serverPort(broker.mqttPort())
        .buildBlocking();
  }

  private record StartProbe(AtomicBoolean started) implements ExtensionMain {

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
      started.set(true);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
  }
}
