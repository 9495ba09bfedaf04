package org.iotplatform.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeConfigLoaderTest {

  @TempDir Path home;

  @Test
  void readsThePropertiesFile() throws IOException {
    Path file =
        write(
            """
            kafka.bootstrap.servers=k1:9092,k2:9092
            tenant.id=acme
            kafka.linger.ms=0
            kafka.batch.size=65536
            kafka.max.in.flight.requests.per.connection=2
            kafka.max.block.ms=1500
            kafka.send.timeout.ms=4000
            topic.telemetry=t.telemetry
            topic.device-events=t.events
            topic.shadow=t.shadow
            topic.devices=t.devices
            auth.mode=credentials
            auth.max-devices=10
            auth.token-cache.size=5
            auth.token-cache.expiry.ms=60000
            auth.recheck.interval.ms=250
            auth.max-failed-attempts=3
            auth.failed-attempts.window.ms=30000
            limits.max-payload-bytes=1024
            limits.publishes-per-second=50
            limits.publish-burst=20
            limits.max-in-flight-bytes=1048576
            downlink.topic=t.downlink
            downlink.node-id=node-2
            downlink.max-poll-records=50
            """);

    BridgeConfig underTest = BridgeConfigLoader.load(file, Map.of());

    assertThat(underTest)
        .isEqualTo(
            new BridgeConfig(
                "k1:9092,k2:9092",
                "acme",
                new BridgeConfig.Topics("t.telemetry", "t.events", "t.shadow", "t.devices"),
                new BridgeConfig.ProducerTuning(Duration.ZERO, 65_536, 2, Duration.ofMillis(1500)),
                Duration.ofSeconds(4),
                new BridgeConfig.Auth(
                    BridgeConfig.AuthMode.CREDENTIALS,
                    10,
                    5,
                    Duration.ofMinutes(1),
                    Duration.ofMillis(250),
                    3,
                    Duration.ofSeconds(30)),
                new BridgeConfig.Limits(1024, 50, 20, 1_048_576),
                new BridgeConfig.Downlink("t.downlink", "node-2", 50)));
  }

  @Test
  void letsEnvironmentVariablesOverrideTheFile() throws IOException {
    Path file = write("kafka.bootstrap.servers=from-file:9092\ntenant.id=acme\n");

    BridgeConfig underTest =
        BridgeConfigLoader.load(
            file,
            Map.of(
                "IOT_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", "from-env:9092",
                "IOT_BRIDGE_TOPIC_DEVICE_EVENTS", "env.events",
                "IOT_BRIDGE_TOPIC_SHADOW", "env.shadow"));

    assertThat(underTest.bootstrapServers()).isEqualTo("from-env:9092");
    assertThat(underTest.topics().shadow()).isEqualTo("env.shadow");
    assertThat(underTest.tenantId()).isEqualTo("acme");
    assertThat(underTest.topics().deviceEvents()).isEqualTo("env.events");
  }

  @Test
  void usesTheDefaultsWhenOnlyBootstrapServersAreGivenWithoutAFile() {
    BridgeConfig underTest =
        BridgeConfigLoader.load(
            home.resolve("missing.properties"),
            Map.of("IOT_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", "k:9092"));

    assertThat(underTest).isEqualTo(BridgeConfig.defaults("k:9092"));
  }

  @Test
  void readsTheDownlinkNodeIdFromItsVariable() {
    BridgeConfig underTest =
        BridgeConfigLoader.load(
            home.resolve("missing.properties"),
            Map.of(
                "IOT_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "IOT_BRIDGE_DOWNLINK_NODE_ID", "hivemq-0"));

    assertThat(underTest.downlink().nodeId()).isEqualTo("hivemq-0");
  }

  @Test
  void namesTheMissingBootstrapServersAndTheirVariable() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BridgeConfigLoader.load(home.resolve("missing.properties"), Map.of()))
        .withMessageContaining("kafka.bootstrap.servers")
        .withMessageContaining("IOT_BRIDGE_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void namesTheKeyOfAnInvalidNumber() throws IOException {
    Path file = write("kafka.bootstrap.servers=k:9092\nkafka.linger.ms=soon\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BridgeConfigLoader.load(file, Map.of()))
        .withMessageContaining("kafka.linger.ms");
  }

  @Test
  void readsLimitsFromTheEnvironment() {
    BridgeConfig underTest =
        BridgeConfigLoader.load(
            home.resolve("missing.properties"),
            Map.of(
                "IOT_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "IOT_BRIDGE_LIMITS_MAX_PAYLOAD_BYTES", "2048",
                "IOT_BRIDGE_LIMITS_PUBLISHES_PER_SECOND", "10",
                "IOT_BRIDGE_LIMITS_PUBLISH_BURST", "5",
                "IOT_BRIDGE_LIMITS_MAX_IN_FLIGHT_BYTES", "4096"));

    assertThat(underTest.limits()).isEqualTo(new BridgeConfig.Limits(2048, 10, 5, 4096));
  }

  @Test
  void refusesANegativeRateNamingTheKeyAndItsVariable() throws IOException {
    Path file = write("kafka.bootstrap.servers=k:9092\nlimits.publishes-per-second=-1\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BridgeConfigLoader.load(file, Map.of()))
        .withMessageContaining("limits.publishes-per-second")
        .withMessageContaining("IOT_BRIDGE_LIMITS_PUBLISHES_PER_SECOND")
        .withMessageContaining("must not be negative");
  }

  @Test
  void refusesAZeroPayloadLimitNamingTheKey() throws IOException {
    Path file = write("kafka.bootstrap.servers=k:9092\nlimits.max-payload-bytes=0\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BridgeConfigLoader.load(file, Map.of()))
        .withMessageContaining("limits.max-payload-bytes")
        .withMessageContaining("must be positive");
  }

  @Test
  void refusesAnInFlightBoundSmallerThanTheLargestPayload() throws IOException {
    Path file =
        write(
            "kafka.bootstrap.servers=k:9092\n"
                + "limits.max-payload-bytes=4096\n"
                + "limits.max-in-flight-bytes=1024\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BridgeConfigLoader.load(file, Map.of()))
        .withMessageContaining("max in-flight bytes");
  }

  @Test
  void derivesEnvironmentVariableNamesFromKeys() {
    assertThat(BridgeConfigLoader.envName("kafka.max.in.flight.requests.per.connection"))
        .isEqualTo("IOT_BRIDGE_KAFKA_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION");
    assertThat(BridgeConfigLoader.envName("topic.device-events"))
        .isEqualTo("IOT_BRIDGE_TOPIC_DEVICE_EVENTS");
  }

  private Path write(String properties) throws IOException {
    Path file = home.resolve("config.properties");
    Files.writeString(file, properties);
    return file;
  }
}
