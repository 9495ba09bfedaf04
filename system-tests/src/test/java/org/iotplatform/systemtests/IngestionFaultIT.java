package org.iotplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.IngestionBridge;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.checkpoint.RetainedCheckpoints;
import org.iotplatform.flink.rollup.RollupOptions;
import org.iotplatform.flink.storage.InfluxSinkOptions;
import org.iotplatform.flink.storage.TelemetryStorageJob;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.InfluxServer;
import org.iotplatform.servers.KafkaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a device was told is stored gets lost when one part of the pipeline fails (issue 4): 100
 * devices stream QoS 1 telemetry through HiveMQ with the bridge, Kafka and the Flink storage job
 * into InfluxDB while Kafka restarts, the job is killed and started again from its checkpoint, or
 * InfluxDB is away for 30 s. Afterwards InfluxDB holds every acknowledged message exactly once.
 *
 * <p>The parts are this class's own, not the shared test servers, because the tests stop them.
 */
class IngestionFaultIT {

  private static final int DEVICES = 100;
  private static final Duration CATCH_UP = Duration.ofMinutes(3);
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
  private static final Duration INFLUX_OUTAGE = Duration.ofSeconds(30);

  @TempDir static Path dir;

  private static KafkaServer kafka;
  private static InfluxServer influx;
  private static HiveMqServer broker;
  private static RetainedCheckpoints checkpoints;
  private static JobClient job;

  private PacedFleet fleet;

  @BeforeAll
  static void startPipeline() throws Exception {
    kafka = KafkaServer.start(0, dir.resolve("kafka"));
    kafka.createTopics(4, KafkaTopics.TELEMETRY, KafkaTopics.TELEMETRY_DLQ, KafkaTopics.DEVICES);
    influx = InfluxServer.start(0, dir.resolve("influx"));
    broker =
        HiveMqServer.builder()
            .extension(
                IngestionBridge.embeddedExtension(BridgeConfig.defaults(kafka.bootstrapServers())))
            .start();
    checkpoints = new RetainedCheckpoints(dir.resolve("checkpoints"));
    job = startJob();
  }

  @AfterAll
  static void stopPipeline() throws Exception {
    if (job != null) {
      job.cancel().get();
    }
    for (AutoCloseable part : new AutoCloseable[] {broker, influx, kafka}) {
      if (part != null) {
        part.close();
      }
    }
  }

  @AfterEach
  void disconnectFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void kafkaRestartedInTheMiddleOfAQos1StreamLosesNothingAcknowledged() {
    fleet = new PacedFleet(devicePrefix("kafka"), DEVICES, broker.mqttPort());
    int perDevice = 100;
    CompletableFuture<Void> stream =
        fleet.publish(perDevice, Duration.ofMillis(20), readingsFrom());
    restartKafkaInTheMiddleOf(stream, DEVICES * perDevice);
  }

  /**
   * As above with ten messages in flight per device and no pause, so the bridge has many records
   * pipelined (ADR 0024) when Kafka goes: their PUBACKs wait while the producer retries (a device
   * whose record Kafka refuses is disconnected and sends it again); every acknowledged message is
   * stored, none twice.
   */
  @Test
  void kafkaRestartedUnderAPipelinedStreamLosesNothingAcknowledged() {
    fleet = new PacedFleet(devicePrefix("pipelined"), DEVICES, broker.mqttPort());
    int perDevice = 200;
    CompletableFuture<Void> stream = fleet.publish(perDevice, 10, Duration.ZERO, readingsFrom());
    restartKafkaInTheMiddleOf(stream, DEVICES * perDevice);
  }

  @Test
  void theJobKilledAndStartedFromItsCheckpointStoresEveryMessageExactlyOnce() throws Exception {
    fleet = new PacedFleet(devicePrefix("flink"), DEVICES, broker.mqttPort());
    Instant firstReading = readingsFrom();
    await().atMost(CATCH_UP).until(fleet.publish(20, Duration.ZERO, firstReading)::isDone);
    awaitStoredExactly(fleet, DEVICES * 20);
    // A checkpoint after those points: the one the job restarts from holds at least them.
    Optional<Path> stored = checkpoints.latest();
    await().atMost(CATCH_UP).until(() -> !checkpoints.latest().equals(stored));

    CompletableFuture<Void> stream =
        fleet.publish(80, Duration.ofMillis(20), firstReading.plusSeconds(1));
    await().atMost(CATCH_UP).until(() -> fleet.acknowledged() >= DEVICES * 40);
    job.cancel().get();
    job = null;
    await().atMost(CATCH_UP).until(stream::isDone);
    job = startJob();

    awaitStoredExactly(fleet, DEVICES * 100);
  }

  @Test
  void influxDbAwayForThirtySecondsUnderLoadIsCaughtUpWithNothingLost() {
    fleet = new PacedFleet(devicePrefix("influx"), DEVICES, broker.mqttPort());
    int perDevice = 200;
    CompletableFuture<Void> stream =
        fleet.publish(perDevice, Duration.ofMillis(200), readingsFrom());
    await().atMost(CATCH_UP).until(() -> fleet.acknowledged() >= DEVICES * 10);

    int port = influx.port();
    influx.close();
    Instant stoppedAt = Instant.now();
    long acknowledgedAtStop = fleet.acknowledged();
    // The outage lasts as long as the issue says, with the fleet publishing all along.
    await()
        .atMost(INFLUX_OUTAGE.plusMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                Duration.between(stoppedAt, Instant.now()).compareTo(INFLUX_OUTAGE) >= 0
                    && fleet.acknowledged() > acknowledgedAtStop);
    influx = InfluxServer.start(port, dir.resolve("influx"));

    await().atMost(CATCH_UP).until(stream::isDone);
    assertThat(stream).isCompleted();
    awaitStoredExactly(fleet, DEVICES * perDevice);
  }

  private static JobClient startJob() throws Exception {
    Configuration config = new Configuration();
    checkpoints.resumeFromLatest(config);
    TelemetryStorageJob.Config settings =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TelemetryStorageJob.Config.DEFAULT_GROUP_ID,
            InfluxSinkOptions.defaults(influx.url()),
            CHECKPOINT_INTERVAL,
            RollupOptions.defaults(),
            null);
    return TelemetryStorageJob.submit(
        StreamExecutionEnvironment.createLocalEnvironment(1, config), settings);
  }

  /**
   * Restarts Kafka once a quarter of the fleet's {@code total} messages are acknowledged, waits for
   * the {@code stream} to end, and checks InfluxDB holds every message exactly once.
   */
  private void restartKafkaInTheMiddleOf(CompletableFuture<Void> stream, long total) {
    await().atMost(CATCH_UP).until(() -> fleet.acknowledged() >= total / 4);

    int port = kafka.port();
    kafka.close();
    long acknowledgedWhileDown = fleet.acknowledged();
    kafka = KafkaServer.start(port, dir.resolve("kafka"));

    await().atMost(CATCH_UP).until(stream::isDone);
    assertThat(stream).isCompleted();
    assertThat(acknowledgedWhileDown)
        .as("the restart happened in the middle of the stream")
        .isLessThan(total);
    awaitStoredExactly(fleet, total);
  }

  /**
   * Waits until InfluxDB holds {@code expected} points of the fleet, then checks none more come.
   */
  private static void awaitStoredExactly(PacedFleet fleet, long expected) {
    assertThat(fleet.acknowledged()).isEqualTo(expected);
    await()
        .atMost(CATCH_UP)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(storedPoints(fleet)).isEqualTo(expected));
  }

  private static long storedPoints(PacedFleet fleet) {
    String prefix = fleet.prefix();
    List<String> rows =
        influx.queryCsv(
            "SELECT count(\"%s\") FROM \"%s\".\"%s\".\"%s\" WHERE \"%s\" =~ /^%s-/"
                .formatted(
                    PacedFleet.METRIC,
                    InfluxSchema.DATABASE,
                    InfluxSchema.RAW_RETENTION_POLICY,
                    InfluxSchema.TELEMETRY_MEASUREMENT,
                    InfluxSchema.TAG_DEVICE_ID,
                    prefix));
    // A header line, then "telemetry,,0,<count>"; no line while nothing is stored.
    return rows.size() < 2
        ? 0
        : Long.parseLong(rows.get(1).substring(rows.get(1).lastIndexOf(',') + 1));
  }

  private static String devicePrefix(String fault) {
    return "fault-" + fault + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Recent enough to pass validation, apart for each test. */
  private static Instant readingsFrom() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
  }
}
