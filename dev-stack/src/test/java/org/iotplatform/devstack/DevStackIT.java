package org.iotplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.assertj.core.api.Condition;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.simulator.DeviceCredential;
import org.iotplatform.simulator.FleetSimulation;
import org.iotplatform.simulator.RunningSimulation;
import org.iotplatform.simulator.SimulationConfig;
import org.iotplatform.simulator.profile.ProfileKind;
import org.iotplatform.simulator.provision.CredentialKind;
import org.iotplatform.simulator.provision.CredentialStore;
import org.iotplatform.simulator.provision.ProvisioningPlan;
import org.iotplatform.simulator.provision.RegistryProvisioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./iot up} does, end to end: the whole stack starts from the built jars, the registry
 * leaves an admin API key, a device provisioned with that key connects with its own token, its
 * reading comes back through query-api, Ctrl-C leaves no process behind, and the next start finds
 * the data (and the key) again. A device with a certificate that the registry signed for its CSR
 * publishes over the TLS listener, whose server certificate chains to the stack's CA in {@code
 * var/ca}.
 */
class DevStackIT {

  private static final Duration PIPELINE_BOUND = Duration.ofSeconds(60);
  private static final Pattern ISSUED_CERTIFICATE = Pattern.compile("\"certificate\":\"([^\"]+)\"");

  @TempDir Path varDir;

  @Test
  void runsTheWholePlatformStopsWithoutOrphansAndFindsItsDataAgain() throws Exception {
    DevStackOptions options = StackApi.options(varDir, true, 3);
    String deviceId = "devstack-it-1";
    Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String query =
        telemetryQuery(
            options, deviceId, "temperature", readAt.minusSeconds(60), readAt.plusSeconds(60));

    List<ProcessHandle> children;
    String adminKey;
    try (DevStack underTest = new DevStack(options)) {
      underTest.start();
      children = ProcessHandle.current().descendants().toList();
      assertThat(children.stream().map(DevStackIT::commandLine))
          .as("six service JVMs run as children")
          .haveExactly(6, containing("-exec.jar"));
      assertThat(children.stream().map(process -> process.info().command().orElse("")))
          .as("Redis (Debian links redis-server to redis-check-rdb) and InfluxDB run as children")
          .haveExactly(1, containing("redis"))
          .haveExactly(1, containing("influxd"));

      adminKey = Files.readString(options.adminKeyFile()).strip();
      assertThat(adminKey).startsWith("iotk_");
      assertThat(underTest.adminApiKey()).contains(adminKey);
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(options.adminKeyFile())))
          .as("the admin key file is the owner's only")
          .isEqualTo("rw-------");
      String token = StackApi.token(options.ports().registry(), adminKey);
      StackApi.createDevice(options, token, "devstack", deviceId);
      String deviceToken = StackApi.deviceToken(options, token, deviceId);
      // The bridge learns the credential from iot.devices.v1 shortly after the registry's answer:
      // until then it refuses the CONNECT, which untilAsserted alone would not retry.
      await()
          .atMost(PIPELINE_BOUND)
          .ignoreExceptionsInstanceOf(Mqtt5ConnAckException.class)
          .untilAsserted(
              () ->
                  publish(withToken(options.ports().mqtt(), deviceId, deviceToken), readAt, 21.5));
      assertThat(StackApi.status(query, null)).as("query-api without token").isEqualTo(401);
      await()
          .atMost(PIPELINE_BOUND)
          .untilAsserted(() -> assertThat(StackApi.get(query, token)).contains("\"value\":21.5"));
      // The simulated fleet: provisioned through the registry, its readings stored and served.
      String fleetQuery =
          telemetryQuery(
              options,
              DemoFleet.firstDeviceId(ProfileKind.THERMOSTAT),
              "temperature",
              Instant.now().minusSeconds(600),
              Instant.now().plusSeconds(600));
      await()
          .atMost(PIPELINE_BOUND)
          .untilAsserted(() -> assertThat(StackApi.get(fleetQuery, token)).contains("\"value\":"));
    }

    assertThat(children).noneMatch(ProcessHandle::isAlive);
    // PostgreSQL detaches from its starter (pg_ctl), so it is no child: check its port instead.
    assertThat(FreePorts.isFree(options.ports().postgres())).as("PostgreSQL stopped").isTrue();

    try (DevStack restarted = new DevStack(options)) {
      restarted.start();
      assertThat(Files.readString(options.adminKeyFile()).strip())
          .as("the admin key survives a restart")
          .isEqualTo(adminKey);
      String token = StackApi.token(options.ports().registry(), adminKey);
      assertThat(StackApi.get(query, token))
          .as("the stored reading after a restart")
          .contains("\"value\":21.5");
    }
  }

  @Test
  void devicesWithACertificateFromTheRegistryPublishOverTls() throws Exception {
    DevStackOptions options = StackApi.options(varDir, true, 0);
    String deviceId = "devstack-it-certificate";
    Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String query =
        telemetryQuery(
            options, deviceId, "temperature", readAt.minusSeconds(60), readAt.plusSeconds(60));

    try (DevStack underTest = new DevStack(options)) {
      underTest.start();
      String token =
          StackApi.token(
              options.ports().registry(), Files.readString(options.adminKeyFile()).strip());
      String registry = StackApi.registry(options);
      StackApi.createDevice(options, token, "devstack", deviceId);
      // The device keeps its key and sends only a CSR, as the README's openssl route does.
      KeyPair deviceKey = DeviceCsr.keyPair();
      String issued =
          StackApi.post(
              registry + "/api/v1/devices/" + deviceId + "/credentials/certificates",
              token,
              "{\"csr\":\"" + DeviceCsr.pem(deviceId, deviceKey).replace("\n", "\\n") + "\"}");
      X509Certificate certificate =
          DeviceCsr.certificate(StackApi.field(ISSUED_CERTIFICATE, issued));
      X509Certificate ca = DeviceCsr.certificate(Files.readString(caCertificate(options)));
      certificate.verify(ca.getPublicKey()); // the registry signs with the stack's CA

      // A refused CONNECT is retried until the bridge has the credential; a failed TLS handshake
      // (a broker certificate that does not chain to var/ca) fails at once.
      await()
          .atMost(PIPELINE_BOUND)
          .ignoreExceptionsInstanceOf(Mqtt5ConnAckException.class)
          .untilAsserted(
              () ->
                  publish(
                      withCertificate(
                          options.ports().mqttTls(), deviceId, deviceKey, certificate, ca),
                      readAt,
                      22.5));
      await()
          .atMost(PIPELINE_BOUND)
          .untilAsserted(() -> assertThat(StackApi.get(query, token)).contains("\"value\":22.5"));

      // The fleet simulator's route: certificates from CSRs through the registry's REST API, the
      // SDK presenting them over TLS.
      URI registryUri = URI.create(registry);
      List<DeviceCredential> credentials =
          new RegistryProvisioner(
                  registryUri,
                  Files.readString(options.adminKeyFile()).strip(),
                  CredentialStore.forRegistry(varDir.resolve("simulator"), registryUri),
                  2)
              .provision(
                  new ProvisioningPlan(
                      FleetSimulation.deviceIds("devstack-it-x509-", 2),
                      "devstack-x509",
                      ProfileKind.METER.units(),
                      CredentialKind.CERTIFICATE,
                      false));
      SimulationConfig fleet =
          SimulationConfig.defaults(List.of(new Endpoint("127.0.0.1", options.ports().mqttTls())))
              .withTlsCa(caCertificate(options))
              .withProfile(ProfileKind.METER)
              .withInterval(Duration.ofSeconds(1))
              .withRamp(Duration.ZERO);
      try (RunningSimulation running = new FleetSimulation(fleet, credentials).start()) {
        String meterQuery =
            telemetryQuery(
                options,
                "devstack-it-x509-00002",
                "voltage",
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(600));
        await()
            .atMost(PIPELINE_BOUND)
            .untilAsserted(
                () -> assertThat(StackApi.get(meterQuery, token)).contains("\"value\":"));
        assertThat(running.stats().firstError()).as("first error of the fleet").isNull();
      }
    }
  }

  @Test
  void stopsEverythingWhenClosedWhileStarting() throws Exception {
    DevStackOptions options = StackApi.options(varDir, false, 0);
    DevStack underTest = new DevStack(options);
    CompletableFuture<Void> starting = CompletableFuture.runAsync(underTest::start);
    await()
        .atMost(PIPELINE_BOUND)
        .until(
            () ->
                ProcessHandle.current()
                    .descendants()
                    .anyMatch(child -> commandLine(child).contains("-exec.jar")));
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();

    underTest.close(); // what Ctrl-C does while services are still booting

    assertThat(starting)
        .failsWithin(PIPELINE_BOUND)
        .withThrowableThat()
        .withMessageContaining("stopped while");
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  private static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }

  private static Condition<String> containing(String text) {
    return new Condition<>(line -> line.contains(text), "containing " + text);
  }

  /** A device that authenticates with its token on the plain listener. */
  private static Mqtt5BlockingClient withToken(int mqttPort, String deviceId, String deviceToken) {
    return MqttClient.builder()
        .useMqttVersion5()
        .identifier(deviceId)
        .serverHost(FreePorts.LOOPBACK)
        .serverPort(mqttPort)
        .simpleAuth()
        .username(deviceId)
        .password(deviceToken.getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth()
        .buildBlocking();
  }

  /**
   * A device that authenticates with its certificate over TLS and trusts only the stack's CA (the
   * broker's server certificate must chain to it).
   */
  private static Mqtt5BlockingClient withCertificate(
      int tlsPort, String deviceId, KeyPair key, X509Certificate certificate, X509Certificate ca)
      throws Exception {
    char[] password = "in-memory".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("device", key.getPrivate(), password, new X509Certificate[] {certificate, ca});
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, password);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    return MqttClient.builder()
        .useMqttVersion5()
        .identifier(deviceId)
        .serverHost(FreePorts.LOOPBACK)
        .serverPort(tlsPort)
        .sslConfig(
            MqttClientSslConfig.builder()
                .keyManagerFactory(keyManagers)
                .trustManagerFactory(trustManagers)
                .build())
        .buildBlocking();
  }

  /** Publishes one reading as the device (fails if the broker refuses it). */
  private static void publish(Mqtt5BlockingClient device, Instant readAt, double temperature) {
    String deviceId = device.getConfig().getClientIdentifier().orElseThrow().toString();
    device.connect();
    try {
      device
          .publishWith()
          .topic(DeviceTopic.telemetry(deviceId).topic())
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(
              TelemetryMessage.builder()
                  .timestamp(readAt)
                  .metric("temperature", temperature)
                  .build()
                  .toPayload())
          .send();
    } finally {
      device.disconnect();
    }
  }

  /** query-api's URL for a device's readings of one metric between two instants. */
  private static String telemetryQuery(
      DevStackOptions options, String deviceId, String metric, Instant from, Instant to) {
    return "http://127.0.0.1:%d/api/v1/devices/%s/telemetry?metric=%s&from=%s&to=%s"
        .formatted(options.ports().queryApi(), deviceId, metric, from, to);
  }

  private static Path caCertificate(DevStackOptions options) {
    return options.caDir().resolve(PlatformCa.CERTIFICATE_FILE);
  }
}
