package org.iotplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Condition;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.servers.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./iot up} does, end to end: the whole stack starts from the built jars, a device's
 * reading comes back through query-api, Ctrl-C leaves no process behind, and the next start finds
 * the data again.
 */
class DevStackIT {

  private static final Duration PIPELINE_BOUND = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path varDir;

  @Test
  void runsTheWholePlatformStopsWithoutOrphansAndFindsItsDataAgain() throws Exception {
    DevStackOptions options =
        new DevStackOptions(
            Path.of("..").toAbsolutePath().normalize(),
            varDir,
            freePorts(),
            true,
            true,
            DevStackOptions.DEFAULT_SERVICE_JVM_OPTIONS);
    String deviceId = "devstack-it-1";
    Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String query =
        "http://127.0.0.1:%d/api/v1/devices/%s/telemetry?metric=temperature&from=%s&to=%s"
            .formatted(
                options.ports().queryApi(),
                deviceId,
                readAt.minusSeconds(60),
                readAt.plusSeconds(60));

    List<ProcessHandle> children;
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

      publish(options.ports().mqtt(), deviceId, readAt);

      await()
          .atMost(PIPELINE_BOUND)
          .untilAsserted(() -> assertThat(get(query)).contains("\"value\":21.5"));
    }

    assertThat(children).noneMatch(ProcessHandle::isAlive);
    // PostgreSQL detaches from its starter (pg_ctl), so it is no child: check its port instead.
    assertThat(FreePorts.isFree(options.ports().postgres())).as("PostgreSQL stopped").isTrue();

    try (DevStack restarted = new DevStack(options)) {
      restarted.start();
      assertThat(get(query)).as("the stored reading after a restart").contains("\"value\":21.5");
    }
  }

  @Test
  void stopsEverythingWhenClosedWhileStarting() throws Exception {
    DevStackOptions options =
        new DevStackOptions(
            Path.of("..").toAbsolutePath().normalize(),
            varDir,
            freePorts(),
            true,
            false,
            DevStackOptions.DEFAULT_SERVICE_JVM_OPTIONS);
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

  private static void publish(int mqttPort, String deviceId, Instant readAt) {
    Mqtt5BlockingClient device =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(deviceId)
            .serverHost(FreePorts.LOOPBACK)
            .serverPort(mqttPort)
            .buildBlocking();
    device.connect();
    try {
      device
          .publishWith()
          .topic(DeviceTopic.telemetry(deviceId).topic())
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(
              TelemetryMessage.builder()
                  .timestamp(readAt)
                  .metric("temperature", 21.5)
                  .build()
                  .toPayload())
          .send();
    } finally {
      device.disconnect();
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static StackPorts freePorts() {
    Set<Integer> picked = new LinkedHashSet<>();
    while (picked.size() < 11) {
      picked.add(FreePorts.pick());
    }
    Integer[] p = picked.toArray(Integer[]::new);
    return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]);
  }
}
