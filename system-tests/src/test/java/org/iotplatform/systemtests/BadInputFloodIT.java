package org.iotplatform.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.IngestionBridge;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.storage.TelemetryStorageJob;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.InfluxServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input never spoils anyone else's data (issue 4): one device floods the broker with every kind
 * of bad message while another device publishes good telemetry. The bridge refuses what it can
 * judge (an oversize payload, another device's topic) with an MQTT 5 reason code; the storage job
 * dead-letters the rest with its reason; the good device's readings are all stored.
 */
class BadInputFloodIT {

  private static final Duration BOUND = Duration.ofMinutes(2);
  private static final int GOOD_MESSAGES = 100;

  /**
   * Payloads the bridge forwards and the storage job must dead-letter, with the reason code each
   * must get.
   */
  private static final List<Map.Entry<String, byte[]>> DEAD_LETTERED =
      List.of(
          Map.entry("payload.malformed-json", "{\"metrics\":".getBytes(UTF_8)),
          Map.entry("payload.not-utf8", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}),
          Map.entry("payload.not-an-object", "[1,2,3]".getBytes(UTF_8)),
          Map.entry("payload.malformed-json", "{\"metrics\":{\"t\":NaN}}".getBytes(UTF_8)),
          Map.entry("metric.not-finite", "{\"metrics\":{\"t\":\"Infinity\"}}".getBytes(UTF_8)),
          Map.entry("metric.not-finite", "{\"metrics\":{\"t\":1e400}}".getBytes(UTF_8)),
          Map.entry(
              "payload.ts-ahead",
              ("{\"ts\":"
                      + Instant.now().plus(Duration.ofDays(1)).toEpochMilli()
                      + ",\"metrics\":{\"t\":1}}")
                  .getBytes(UTF_8)));

  private static final Set<String> DEAD_LETTER_CODES =
      DEAD_LETTERED.stream().map(Map.Entry::getKey).collect(Collectors.toSet());

  /** Payloads the bridge refuses itself (default limit: 64 KiB), by what they are. */
  private static final Map<String, byte[]> REFUSED =
      Map.of(
          "oversize",
          new byte[100 * 1024],
          // About 90 KB: over the bridge's limit before the storage job could count the metrics.
          "10,000 metrics",
          IntStream.range(0, 10_000)
              .mapToObj(i -> "\"m" + i + "\":" + i)
              .collect(Collectors.joining(",", "{\"metrics\":{", "}}"))
              .getBytes(UTF_8));

  private static KafkaServer kafka;
  private static InfluxServer influx;
  private static HiveMqServer broker;
  private static JobClient job;

  @BeforeAll
  static void startPipeline() throws Exception {
    kafka = TestServers.kafka();
    influx = TestServers.influx();
    kafka.createTopics(4, KafkaTopics.TELEMETRY, KafkaTopics.TELEMETRY_DLQ, KafkaTopics.DEVICES);
    broker =
        HiveMqServer.builder()
            .extension(
                IngestionBridge.embeddedExtension(BridgeConfig.defaults(kafka.bootstrapServers())))
            .start();
    TelemetryStorageJob.Config defaults =
        TelemetryStorageJob.Config.defaults(kafka.bootstrapServers(), influx.url());
    job =
        TelemetryStorageJob.submit(
            StreamExecutionEnvironment.createLocalEnvironment(1),
            new TelemetryStorageJob.Config(
                defaults.kafkaBootstrapServers(),
                "bad-input-flood-" + UUID.randomUUID(),
                defaults.influx(),
                Duration.ofSeconds(1),
                defaults.rollups(),
                null));
  }

  @AfterAll
  static void stopPipeline() throws Exception {
    if (job != null) {
      job.cancel().get();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aFloodOfBadInputIsRefusedOrDeadLetteredWhileAGoodDeviceIsStoredInFull() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String bad = "flood-bad-" + run;
    String good = "flood-good-" + run;
    String victim = "flood-victim-" + run;
    String intruder = "flood-intruder-" + run;
    Map<String, String> disconnects = new ConcurrentHashMap<>();
    Flood flood = new Flood(connect(bad, disconnects), bad);
    Mqtt5AsyncClient goodDevice = connect(good, disconnects);
    try {
      flood.start();
      Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
      for (int i = 0; i < GOOD_MESSAGES; i++) {
        Mqtt5PublishResult result =
            goodDevice
                .publishWith()
                .topic(DeviceTopic.telemetry(good).topic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(
                    TelemetryMessage.builder()
                        .timestamp(first.plusMillis(i))
                        .sequence(i)
                        .metric("t", (long) i)
                        .build()
                        .toPayload())
                .send()
                .get();
        assertThat(accepted(result)).as("good publish %d acknowledged", i).isTrue();
      }

      assertIntruderRefusedAndStillConnected(intruder, victim);

      await()
          .atMost(BOUND)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(storedPoints(good)).isEqualTo(GOOD_MESSAGES));
      await()
          .atMost(BOUND)
          .untilAsserted(
              () ->
                  assertThat(flood.refusals())
                      .containsEntry("oversize", Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID)
                      .containsEntry(
                          "10,000 metrics", Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID));
      assertThat(flood.refusals())
          .as("the bridge forwards what only the storage job can judge")
          .doesNotContainKeys(DEAD_LETTER_CODES.toArray(String[]::new));
      assertThat(deadLetterCodes(bad)).containsAll(DEAD_LETTER_CODES);
      assertThat(disconnects).as("no device disconnected").isEmpty();
      assertThat(flood.failures()).as("no publish failed but by a reason code").isEmpty();
      assertThat(flood.sent())
          .as("the bad device kept flooding")
          .isGreaterThan(DEAD_LETTERED.size());
    } finally {
      flood.stop();
      goodDevice.disconnect().join();
    }
    assertThat(storedPoints(bad)).as("nothing of the bad device stored").isZero();
    assertThat(storedPoints(victim)).as("nothing stored in the other device's name").isZero();
  }

  /**
   * A device publishing to another device's topic gets NOT_AUTHORIZED in its PUBACK and keeps its
   * connection (the bridge refuses the publish before HiveMQ's authorizer step, which would
   * disconnect it; ADR 0024): its next publish to its own topic is acknowledged.
   */
  private void assertIntruderRefusedAndStillConnected(String intruderId, String victim) {
    Map<String, String> disconnects = new ConcurrentHashMap<>();
    Mqtt5AsyncClient intruder = connect(intruderId, disconnects);

    Throwable refused =
        catchThrowable(
            () ->
                intruder
                    .publishWith()
                    .topic(DeviceTopic.telemetry(victim).topic())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"metrics\":{\"t\":1}}".getBytes(UTF_8))
                    .send()
                    .join());

    assertThat(refused)
        .cause()
        .isInstanceOfSatisfying(
            Mqtt5PubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    intruder
        .publishWith()
        .topic(DeviceTopic.telemetry(intruderId).topic())
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload("{\"metrics\":{\"t\":2}}".getBytes(UTF_8))
        .send()
        .join();
    assertThat(disconnects).as("the intruder keeps its connection").doesNotContainKey(intruderId);
  }

  /** One device publishing every bad kind in turn, each after the last one's PUBACK. */
  private static final class Flood {
    private final Mqtt5AsyncClient client;
    private final String deviceId;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Runnable> kinds = new ArrayList<>();
    private final Map<String, Mqtt5PubAckReasonCode> refusals = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private volatile long sent;

    Flood(Mqtt5AsyncClient client, String deviceId) {
      this.client = client;
      this.deviceId = deviceId;
    }

    void start() {
      running.set(true);
      next(0);
    }

    void stop() {
      running.set(false);
      client.disconnect().exceptionally(error -> null).join();
    }

    Map<String, Mqtt5PubAckReasonCode> refusals() {
      return refusals;
    }

    long sent() {
      return sent;
    }

    /** Publishes that failed other than by a PUBACK reason code, by kind: none expected. */
    Map<String, String> failures() {
      return failures;
    }

    private void next(long count) {
      if (!running.get()) {
        return;
      }
      sent = count;
      List<Map.Entry<String, byte[]>> kinds = new ArrayList<>(DEAD_LETTERED);
      kinds.addAll(REFUSED.entrySet());
      Map.Entry<String, byte[]> kind = kinds.get((int) (count % kinds.size()));
      String label = kind.getKey();
      String topic = DeviceTopic.telemetry(deviceId).topic();
      byte[] payload = kind.getValue();
      client
          .publishWith()
          .topic(topic)
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(payload)
          .send()
          .whenComplete(
              (result, error) -> {
                // The client fails the publish's future when the PUBACK carries an error code.
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof Mqtt5PubAckException refused) {
                  refusals.put(label, refused.getMqttMessage().getReasonCode());
                } else if (cause != null) {
                  failures.put(label, cause.toString());
                }
                next(count + 1);
              });
    }
  }

  /**
   * Connects {@code deviceId}, noting in {@code disconnects} why the broker closes it, if it does.
   */
  private Mqtt5AsyncClient connect(String deviceId, Map<String, String> disconnects) {
    Mqtt5AsyncClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(deviceId)
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .addDisconnectedListener(
                context ->
                    disconnects.put(
                        deviceId,
                        context.getCause() instanceof Mqtt5DisconnectException disconnect
                            ? disconnect.getMqttMessage().toString()
                            : String.valueOf(context.getCause())))
            .buildAsync();
    client.connect().join();
    return client;
  }

  private static boolean accepted(Mqtt5PublishResult result) {
    return result.getError().isEmpty()
        && result instanceof Mqtt5Qos1Result qos1
        && !qos1.getPubAck().getReasonCode().isError();
  }

  private static long storedPoints(String deviceId) {
    List<String> rows =
        influx.queryCsv(
            "SELECT count(\"t\") FROM \"%s\".\"%s\".\"%s\" WHERE \"%s\" = '%s'"
                .formatted(
                    InfluxSchema.DATABASE,
                    InfluxSchema.RAW_RETENTION_POLICY,
                    InfluxSchema.TELEMETRY_MEASUREMENT,
                    InfluxSchema.TAG_DEVICE_ID,
                    deviceId));
    return rows.size() < 2
        ? 0
        : Long.parseLong(rows.get(1).substring(rows.get(1).lastIndexOf(',') + 1));
  }

  /** The reason codes of the dead letters of {@code deviceId}, once every expected one is there. */
  private static Set<String> deadLetterCodes(String deviceId) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dlq-reader-" + deviceId,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    Set<String> codes = ConcurrentHashMap.newKeySet();
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(KafkaTopics.TELEMETRY_DLQ));
      await()
          .atMost(BOUND)
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  Header reason = record.headers().lastHeader(KafkaHeaders.REJECT_REASON);
                  if (record.key() != null
                      && deviceId.equals(new String(record.key(), UTF_8))
                      && reason != null) {
                    String text = KafkaHeaders.decode(reason.value());
                    codes.add(text.substring(0, text.indexOf(':')));
                  }
                }
                return codes.containsAll(DEAD_LETTER_CODES);
              });
    }
    return codes.stream().collect(Collectors.toSet());
  }
}
