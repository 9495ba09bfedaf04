package org.iotplatform.flink.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.rollup.RollupOptions;
import org.iotplatform.servers.InfluxServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.InfluxExtension;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage job on a MiniCluster between a real Kafka broker and a real InfluxDB. */
@ExtendWith({KafkaExtension.class, InfluxExtension.class})
class TelemetryStorageJobIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final String TENANT = "acme corp, west";

  // Recent times: InfluxDB drops points older than the raw retention policy (30 days).
  private final long receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
  private final long ts = receivedAt - 60_000;

  @BeforeEach
  void freshTopics(KafkaServer kafka) {
    // Each test's job reads the telemetry topic from the start: leave nothing from the last one.
    kafka.deleteAllTopics();
    kafka.createTopics(
        2,
        KafkaTopics.TELEMETRY,
        KafkaTopics.TELEMETRY_DLQ,
        KafkaTopics.DEVICES,
        KafkaTopics.DEVICE_TYPES);
  }

  @Test
  void storesTelemetryInInfluxDbAndDeadLettersMalformedRecords(
      KafkaServer kafka, InfluxServer influxServer) throws Exception {
    TelemetryStorageJob.Config config =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("telemetry-storage-it"),
            InfluxSinkOptions.defaults(influxServer.url())
                .withBatching(100, Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            RollupOptions.defaults(),
            null);

    JobClient job =
        TelemetryStorageJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try (InfluxDB influx = InfluxDBFactory.connect(influxServer.url())) {
      produce(
          kafka,
          telemetry("d-1", "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"t\":21.5,\"on\":true}}"),
          telemetry("d-1", "{\"metrics\":{\"t\":1e21,\"mode\":\"eco \\\"x\\\"\"}}"),
          telemetry("d-2", "{\"metrics\":"),
          telemetry("d-3", "{\"ts\":" + ts + ",\"metrics\":{\"t\":-3}}"));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(rows(influx))
                      .containsExactlyInAnyOrder(
                          row(ts, "d-1", "t", 21.5, "on", true),
                          row(receivedAt, "d-1", "t", 1e21, "mode", "eco \"x\""),
                          row(ts, "d-3", "t", -3.0)));

      ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(kafka);
      assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("d-2");
      assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"metrics\":");
      assertThat(header(deadLetter, KafkaHeaders.TENANT_ID)).isEqualTo(TENANT);
      assertThat(header(deadLetter, KafkaHeaders.RECEIVED_AT)).isEqualTo(Long.toString(receivedAt));
      assertThat(header(deadLetter, KafkaHeaders.REJECT_REASON))
          .startsWith("payload.malformed-json: ");

      assertThat(retentionPolicies(influx))
          .contains(List.of(InfluxSchema.RAW_RETENTION_POLICY, "720h0m0s", true));
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void storesAnomalyScoresBesideTheReadingsTheyScore(KafkaServer kafka, InfluxServer influxServer)
      throws Exception {
    kafka.createTopics(2, KafkaTopics.ANOMALY_SCORES);
    TelemetryStorageJob.Config config =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("telemetry-storage-it"),
            InfluxSinkOptions.defaults(influxServer.url())
                .withBatching(100, Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            RollupOptions.defaults(),
            null);

    JobClient job =
        TelemetryStorageJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try (InfluxDB influx = InfluxDBFactory.connect(influxServer.url())) {
      produce(kafka, telemetry("d-5", "{\"ts\":" + ts + ",\"metrics\":{\"t\":21.5}}"));
      // As the anomaly job writes a score: no mqtt-topic header, the scored reading's ts.
      ProducerRecord<byte[], byte[]> score =
          new ProducerRecord<>(
              KafkaTopics.ANOMALY_SCORES,
              "d-5".getBytes(StandardCharsets.UTF_8),
              ("{\"ts\":" + ts + ",\"metrics\":{\"anomaly_score\":0.93}}")
                  .getBytes(StandardCharsets.UTF_8));
      score.headers().add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(TENANT));
      score.headers().add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(receivedAt));
      produce(kafka, score);

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(rows(influx))
                      .containsExactly(row(ts, "d-5", "t", 21.5, "anomaly_score", 0.93)));
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void deadLettersAReadingMoreThanFiveMinutesAheadOfTheBroker(
      KafkaServer kafka, InfluxServer influxServer) throws Exception {
    TelemetryStorageJob.Config config =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("telemetry-storage-it"),
            InfluxSinkOptions.defaults(influxServer.url())
                .withBatching(100, Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            RollupOptions.defaults(),
            null);

    JobClient job =
        TelemetryStorageJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try (InfluxDB influx = InfluxDBFactory.connect(influxServer.url())) {
      long ahead = receivedAt + Duration.ofMinutes(10).toMillis();
      produce(
          kafka,
          telemetry("d-4", "{\"ts\":" + ahead + ",\"metrics\":{\"t\":1}}"),
          telemetry("d-4", "{\"ts\":" + ts + ",\"metrics\":{\"t\":2}}"));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(rows(influx)).containsExactly(row(ts, "d-4", "t", 2.0)));
      assertThat(header(awaitDeadLetter(kafka), KafkaHeaders.REJECT_REASON))
          .startsWith("payload.ts-ahead: ");
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void keepsRunningWhenInfluxDbRefusesAPoint(KafkaServer kafka, InfluxServer influxServer)
      throws Exception {
    TelemetryStorageJob.Config config =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("telemetry-storage-it"),
            InfluxSinkOptions.defaults(influxServer.url())
                .withBatching(100, Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            RollupOptions.defaults(),
            null);

    JobClient job =
        TelemetryStorageJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try (InfluxDB influx = InfluxDBFactory.connect(influxServer.url())) {
      produce(kafka, telemetry("d-9", "{\"ts\":" + ts + ",\"metrics\":{\"level\":1}}"));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(rows(influx)).hasSize(1));

      // A string where InfluxDB already has a float: a field type conflict, refused for good.
      produce(
          kafka, telemetry("d-9", "{\"ts\":" + (ts + 1) + ",\"metrics\":{\"level\":\"high\"}}"));
      produce(kafka, telemetry("d-9", "{\"ts\":" + (ts + 2) + ",\"metrics\":{\"level\":2}}"));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(rows(influx))
                      .containsExactlyInAnyOrder(
                          row(ts, "d-9", "level", 1.0), row(ts + 2, "d-9", "level", 2.0)));
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void stampsPointsWithTheRegistrysTenantAndTypeOnceTheDeviceSnapshotArrives(
      KafkaServer kafka, InfluxServer influxServer) throws Exception {
    TelemetryStorageJob.Config config =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("telemetry-storage-it"),
            InfluxSinkOptions.defaults(influxServer.url())
                .withBatching(100, Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            RollupOptions.defaults(),
            null);
    String snapshot =
        "{\"tenantId\":\"registry-tenant\",\"deviceId\":\"d-5\",\"type\":\"thermometer\","
            + "\"labels\":{\"site\":\"berlin\"},\"status\":\"ONLINE\",\"version\":1,"
            + "\"updatedAt\":\"2024-11-22T13:00:00Z\",\"credentials\":[]}";

    JobClient job =
        TelemetryStorageJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try (InfluxDB influx = InfluxDBFactory.connect(influxServer.url())) {
      produce(
          kafka,
          new ProducerRecord<>(
              KafkaTopics.DEVICES,
              "d-5".getBytes(StandardCharsets.UTF_8),
              snapshot.getBytes(StandardCharsets.UTF_8)));

      // The two sources are independent: readings sent before the job has read the snapshot are
      // stored as of an unknown device, so keep sending until one is stamped.
      long[] next = {ts};
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                produce(
                    kafka, telemetry("d-5", "{\"ts\":" + next[0]++ + ",\"metrics\":{\"t\":1}}"));
                assertThat(rows(influx))
                    .anySatisfy(
                        row -> {
                          assertThat(row)
                              .containsEntry(InfluxSchema.TAG_DEVICE_ID, "d-5")
                              .containsEntry(InfluxSchema.TAG_TENANT_ID, "registry-tenant")
                              .containsEntry(InfluxSchema.TAG_DEVICE_TYPE, "thermometer");
                        });
              });
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void deadLettersANumberOutsideItsDeviceTypesRangeAndStoresTheRestOfTheReading(
      KafkaServer kafka, InfluxServer influxServer) throws Exception {
    TelemetryStorageJob.Config config =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("telemetry-storage-it"),
            InfluxSinkOptions.defaults(influxServer.url())
                .withBatching(100, Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            RollupOptions.defaults(),
            null);
    String device =
        "{\"tenantId\":\"registry-tenant\",\"deviceId\":\"d-6\",\"type\":\"thermometer\","
            + "\"labels\":{},\"status\":\"ONLINE\",\"version\":1,"
            + "\"updatedAt\":\"2024-11-22T13:00:00Z\",\"credentials\":[]}";
    String type =
        "{\"tenantId\":\"registry-tenant\",\"name\":\"thermometer\",\"metrics\":{"
            + "\"temperature\":{\"unit\":\"Cel\",\"min\":-40.0,\"max\":85.0}},"
            + "\"version\":0,\"updatedAt\":\"2024-11-22T13:00:00Z\"}";

    JobClient job =
        TelemetryStorageJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try (InfluxDB influx = InfluxDBFactory.connect(influxServer.url());
        KafkaConsumer<byte[], byte[]> deadLetters = deadLetterConsumer(kafka)) {
      produce(
          kafka,
          new ProducerRecord<>(KafkaTopics.DEVICES, bytes("d-6"), bytes(device)),
          new ProducerRecord<>(
              KafkaTopics.DEVICE_TYPES, bytes("registry-tenant/thermometer"), bytes(type)));

      // Device and type arrive on their own sources: readings sent before the job knows both pass
      // unchecked, so keep sending until one is dead-lettered.
      long[] next = {ts};
      List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                produce(
                    kafka,
                    telemetry(
                        "d-6",
                        "{\"ts\":"
                            + next[0]++
                            + ",\"metrics\":{\"temperature\":120,\"humidity\":50}}"));
                deadLetters.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
              });
      ConsumerRecord<byte[], byte[]> deadLetter = received.get(0);
      String original = new String(deadLetter.value(), StandardCharsets.UTF_8);
      assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("d-6");
      assertThat(header(deadLetter, KafkaHeaders.REJECT_REASON))
          .isEqualTo(
              "metric.out-of-range: temperature=120.0 not in [-40.0, 85.0]"
                  + " (device type thermometer); stored the other 1 metric(s)");
      long rejectedTs = Long.parseLong(original.replaceAll("^\\{\"ts\":(\\d+),.*", "$1"));

      produce(
          kafka,
          telemetry(
              "d-6", "{\"ts\":" + next[0] + ",\"metrics\":{\"temperature\":85,\"humidity\":51}}"));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(rows(influx))
                      .contains(
                          registryRow(rejectedTs, "humidity", 50.0),
                          registryRow(next[0], "temperature", 85.0, "humidity", 51.0)));
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  /** A point of d-6, which the registry knows as a thermometer of {@code registry-tenant}. */
  private static Map<String, Object> registryRow(long time, Object... fields) {
    Map<String, Object> row = new HashMap<>();
    row.put("time", (double) time);
    row.put(InfluxSchema.TAG_DEVICE_ID, "d-6");
    row.put(InfluxSchema.TAG_TENANT_ID, "registry-tenant");
    row.put(InfluxSchema.TAG_DEVICE_TYPE, "thermometer");
    for (int i = 0; i < fields.length; i += 2) {
      row.put((String) fields[i], fields[i + 1]);
    }
    return row;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesMinuteAndHourRollupsAndRewritesThemForLateReadings(
      KafkaServer kafka, InfluxServer influxServer) throws Exception {
    TelemetryStorageJob.Config config =
        new TelemetryStorageJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("telemetry-storage-it"),
            InfluxSinkOptions.defaults(influxServer.url())
                .withBatching(100, Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            new RollupOptions(
                Duration.ZERO, Duration.ofHours(3), Duration.ofSeconds(1), "52w", "INF"),
            null);
    long hour =
        Instant.ofEpochMilli(receivedAt)
            .minus(3, ChronoUnit.HOURS)
            .truncatedTo(ChronoUnit.HOURS)
            .toEpochMilli();
    long minute = hour + 5 * 60_000;

    JobClient job =
        TelemetryStorageJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try (InfluxDB influx = InfluxDBFactory.connect(influxServer.url())) {
      produce(
          kafka,
          telemetry("d-7", "{\"ts\":" + (minute + 1_000) + ",\"metrics\":{\"t\":10,\"s\":\"x\"}}"),
          telemetry("d-7", "{\"ts\":" + (minute + 2_000) + ",\"metrics\":{\"t\":20}}"),
          // Two hours on: the watermark passes the end of both windows.
          telemetry("d-7", "{\"ts\":" + (hour + 7_200_000) + ",\"metrics\":{\"t\":0}}"));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(rows(influx, InfluxSchema.ROLLUP_1M_RETENTION_POLICY))
                    .contains(rollupRow(minute, 10.0, 20.0, 15.0, 2.0));
                assertThat(rows(influx, InfluxSchema.ROLLUP_1H_RETENTION_POLICY))
                    .containsExactly(rollupRow(hour, 10.0, 20.0, 15.0, 2.0));
              });

      produce(kafka, telemetry("d-7", "{\"ts\":" + (minute + 3_000) + ",\"metrics\":{\"t\":30}}"));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(rows(influx, InfluxSchema.ROLLUP_1M_RETENTION_POLICY))
                    .contains(rollupRow(minute, 10.0, 30.0, 20.0, 3.0))
                    .doesNotContain(rollupRow(minute, 10.0, 20.0, 15.0, 2.0));
                assertThat(rows(influx, InfluxSchema.ROLLUP_1H_RETENTION_POLICY))
                    .containsExactly(rollupRow(hour, 10.0, 30.0, 20.0, 3.0));
              });
      assertThat(retentionPolicies(influx))
          .contains(
              List.of(InfluxSchema.ROLLUP_1M_RETENTION_POLICY, "8736h0m0s", false),
              List.of(InfluxSchema.ROLLUP_1H_RETENTION_POLICY, "0s", false));
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  private static Map<String, Object> rollupRow(
      long time, double min, double max, double mean, double count) {
    Map<String, Object> row = new HashMap<>();
    row.put("time", (double) time);
    row.put(InfluxSchema.TAG_DEVICE_ID, "d-7");
    row.put(InfluxSchema.TAG_TENANT_ID, TENANT);
    row.put(InfluxSchema.TAG_DEVICE_TYPE, InfluxSchema.UNKNOWN_DEVICE_TYPE);
    row.put(InfluxSchema.TAG_METRIC, "t");
    row.put(InfluxSchema.FIELD_MIN, min);
    row.put(InfluxSchema.FIELD_MAX, max);
    row.put(InfluxSchema.FIELD_MEAN, mean);
    row.put(InfluxSchema.FIELD_COUNT, count);
    return row;
  }

  private ProducerRecord<byte[], byte[]> telemetry(String deviceId, String json) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            KafkaTopics.TELEMETRY,
            deviceId.getBytes(StandardCharsets.UTF_8),
            json.getBytes(StandardCharsets.UTF_8));
    record.headers().add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(TENANT));
    record
        .headers()
        .add(KafkaHeaders.MQTT_TOPIC, KafkaHeaders.encode(DeviceTopic.telemetry(deviceId).topic()));
    record.headers().add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(receivedAt));
    return record;
  }

  @SafeVarargs
  private static void produce(KafkaServer kafka, ProducerRecord<byte[], byte[]>... records)
      throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record).get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A consumer of the dead-letter topic from its start, in a fresh group. */
  private static KafkaConsumer<byte[], byte[]> deadLetterConsumer(KafkaServer kafka) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.unique("dlq-reader"));
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(KafkaTopics.TELEMETRY_DLQ));
    return consumer;
  }

  private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(KafkaServer kafka) {
    List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = deadLetterConsumer(kafka)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
              });
    }
    assertThat(received).hasSize(1);
    return received.get(0);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return KafkaHeaders.decode(record.headers().lastHeader(name).value());
  }

  /** Every stored point as column name to value, without null columns. */
  private static List<Map<String, Object>> rows(InfluxDB influx) {
    return query(influx, "SELECT * FROM \"raw\".\"" + InfluxSchema.TELEMETRY_MEASUREMENT + "\"");
  }

  /** Every rollup point of a retention policy, as {@link #rows(InfluxDB)}. */
  private static List<Map<String, Object>> rows(InfluxDB influx, String retentionPolicy) {
    return query(
        influx,
        "SELECT * FROM \"" + retentionPolicy + "\".\"" + InfluxSchema.ROLLUP_MEASUREMENT + "\"");
  }

  private static List<Map<String, Object>> query(InfluxDB influx, String select) {
    QueryResult result =
        influx.query(new Query(select, InfluxSchema.DATABASE), TimeUnit.MILLISECONDS);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (QueryResult.Result statement : result.getResults()) {
      if (statement.getSeries() == null) {
        continue;
      }
      for (QueryResult.Series series : statement.getSeries()) {
        for (List<Object> values : series.getValues()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
              row.put(series.getColumns().get(i), values.get(i));
            }
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** A row as {@link #rows} returns it; InfluxDB answers times and floats as doubles. */
  private static Map<String, Object> row(long time, String deviceId, Object... fields) {
    Map<String, Object> row = new HashMap<>();
    row.put("time", (double) time);
    row.put(InfluxSchema.TAG_DEVICE_ID, deviceId);
    row.put(InfluxSchema.TAG_TENANT_ID, TENANT);
    row.put(InfluxSchema.TAG_DEVICE_TYPE, InfluxSchema.UNKNOWN_DEVICE_TYPE);
    for (int i = 0; i < fields.length; i += 2) {
      row.put((String) fields[i], fields[i + 1]);
    }
    return row;
  }

  private static List<List<Object>> retentionPolicies(InfluxDB influx) {
    QueryResult result =
        influx.query(new Query("SHOW RETENTION POLICIES ON \"" + InfluxSchema.DATABASE + "\""));
    List<List<Object>> policies = new ArrayList<>();
    for (List<Object> values : result.getResults().get(0).getSeries().get(0).getValues()) {
      // name, duration, shardGroupDuration, replicaN, default
      policies.add(List.of(values.get(0), values.get(1), values.get(4)));
    }
    return policies;
  }
}
