package org.iotplatform.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.IngestionBridge;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.flink.storage.TelemetryStorageJob;
import org.iotplatform.query.QueryApiApplication;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.InfluxServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walking skeleton, every hop real: an MQTT 5 client publishes to HiveMQ, the bridge forwards
 * to Kafka, the Flink storage job (local MiniCluster) writes InfluxDB, and query-api answers the
 * REST query of an operator of the device's tenant.
 */
@SpringBootTest(
    classes = QueryApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelemetryPipelineIT {

  private static final Duration PIPELINE_BOUND = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static KafkaServer kafka;
  private static InfluxServer influx;
  private static HiveMqServer broker;
  private static JobClient storageJob;

  @Value("${local.server.port}")
  private int queryApiPort;

  private Mqtt5BlockingClient device;

  @DynamicPropertySource
  static void queryApiReadsTheTestInflux(DynamicPropertyRegistry registry) {
    registry.add("iot.query.influx.url", () -> TestServers.influx().url());
    registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
  }

  @BeforeAll
  static void startPipeline() throws Exception {
    kafka = TestServers.kafka();
    influx = TestServers.influx();
    kafka.createTopics(4, KafkaTopics.TELEMETRY, KafkaTopics.TELEMETRY_DLQ, KafkaTopics.DEVICES);
    broker =
        TestServers.hiveMq(
            () ->
                IngestionBridge.embeddedExtension(BridgeConfig.defaults(kafka.bootstrapServers())));
    storageJob =
        TelemetryStorageJob.submit(
            StreamExecutionEnvironment.createLocalEnvironment(1),
            TelemetryStorageJob.Config.defaults(kafka.bootstrapServers(), influx.url()));
  }

  @AfterAll
  static void stopStorageJob() throws Exception {
    if (storageJob != null) {
      storageJob.cancel().get();
    }
  }

  @AfterEach
  void disconnectDevice() {
    if (device != null) {
      device.disconnect();
    }
  }

  @Test
  void telemetryPublishedOverMqttIsServedByQueryApi() {
    String deviceId = TestDevices.createOne();
    Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    TelemetryMessage message =
        TelemetryMessage.builder()
            .timestamp(readAt)
            .sequence(1)
            .metric("temperature", 23.4)
            .metric("humidity", 60L)
            .build();

    Mqtt5Qos1Result result = publish(deviceId, message.toPayload());

    assertThat(result.getPubAck().getReasonCode().isError()).as("PUBACK is a success").isFalse();
    String url =
        "http://127.0.0.1:%d/api/v1/devices/%s/telemetry?metric=temperature&from=%s&to=%s"
            .formatted(queryApiPort, deviceId, readAt.minusSeconds(60), readAt.plusSeconds(60));
    await()
        .atMost(PIPELINE_BOUND)
        .untilAsserted(
            () ->
                assertThat(get(url))
                    .contains("\"deviceId\":\"" + deviceId + "\"")
                    .contains("\"points\":[{\"ts\":\"" + readAt + "\",\"value\":23.4}]"));
  }

  @Test
  void malformedTelemetryIsDeadLetteredWhileGoodTelemetryStillArrives() {
    String badDevice = TestDevices.createOne();
    String goodDevice = TestDevices.createOne();
    Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    assertThat(
            publish(badDevice, "{not json".getBytes(UTF_8)).getPubAck().getReasonCode().isError())
        .as("the bridge accepts what it cannot judge; validation happens in Flink")
        .isFalse();
    device.disconnect();
    publish(
        goodDevice,
        TelemetryMessage.builder().timestamp(readAt).metric("t", 5L).build().toPayload());

    String url =
        "http://127.0.0.1:%d/api/v1/devices/%s/telemetry?metric=t&from=%s&to=%s"
            .formatted(queryApiPort, goodDevice, readAt.minusSeconds(60), readAt.plusSeconds(60));
    await()
        .atMost(PIPELINE_BOUND)
        .untilAsserted(() -> assertThat(get(url)).contains("\"value\":5"));
    assertThat(deadLetterFor(badDevice).headers().lastHeader(KafkaHeaders.REJECT_REASON))
        .isNotNull();
  }

  private Mqtt5Qos1Result publish(String deviceId, byte[] payload) {
    device =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(deviceId)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .buildBlocking();
    device.connect();
    return (Mqtt5Qos1Result)
        device
            .publishWith()
            .topic(DeviceTopic.telemetry(deviceId).topic())
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(payload)
            .send();
  }

  /** GETs as a viewer of the tenant the bridge writes every record with. */
  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestJwts.token(Tenants.DEFAULT, "viewer"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static ConsumerRecord<byte[], byte[]> deadLetterFor(String deviceId) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dlq-reader-" + deviceId,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(KafkaTopics.TELEMETRY_DLQ));
      await()
          .atMost(PIPELINE_BOUND)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(record -> isFrom(record, deviceId));
              });
    }
    return seen.stream().filter(record -> isFrom(record, deviceId)).findFirst().orElseThrow();
  }

  private static boolean isFrom(ConsumerRecord<byte[], byte[]> record, String deviceId) {
    return record.key() != null && new String(record.key(), UTF_8).equals(deviceId);
  }
}
