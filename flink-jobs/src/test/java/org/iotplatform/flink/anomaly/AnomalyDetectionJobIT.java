package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
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
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The anomaly job on a MiniCluster between topics of a real Kafka broker. */
@ExtendWith(KafkaExtension.class)
class AnomalyDetectionJobIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final String TENANT = "acme";
  private static final long RECEIVED_AT = 1_732_280_000_000L;
  // Past the z-score warm-up (30) and the forest's (64 more): the spike meets both.
  private static final int STEADY = 120;

  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void freshTopics(KafkaServer kafka) {
    kafka.deleteAllTopics();
    kafka.createTopics(2, KafkaTopics.TELEMETRY, KafkaTopics.ANOMALY_SCORES);
  }

  @Test
  void publishesAScorePerReadingAndScoresASpikeAboveTheAlertLevel(KafkaServer kafka)
      throws Exception {
    AnomalyDetectionJob.Config config =
        new AnomalyDetectionJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("anomaly-it"),
            Duration.ofSeconds(1),
            AnomalyOptions.defaults());
    List<ProducerRecord<byte[], byte[]>> readings = new ArrayList<>();
    for (int i = 0; i < STEADY; i++) {
      // A bounded wobble rather than random noise: no steady reading can stray past 2 sigma.
      readings.add(reading("d-1", i, 20 + 0.5 * Math.sin(i), 60 + Math.cos(1.7 * i)));
    }
    readings.add(reading("d-1", STEADY, 27, 60));

    JobClient job =
        AnomalyDetectionJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    try {
      produce(kafka, readings);

      List<ConsumerRecord<byte[], byte[]>> scores = awaitScoreOf(kafka, STEADY);

      ConsumerRecord<byte[], byte[]> spike = scores.get(scores.size() - 1);
      assertThat(new String(spike.key(), StandardCharsets.UTF_8)).isEqualTo("d-1");
      assertThat(header(spike, KafkaHeaders.TENANT_ID)).isEqualTo(TENANT);
      assertThat(header(spike, KafkaHeaders.RECEIVED_AT)).isEqualTo(Long.toString(RECEIVED_AT));
      assertThat(score(spike)).isGreaterThan(0.8);
      List<ConsumerRecord<byte[], byte[]>> steady = scores.subList(0, scores.size() - 1);
      assertThat(steady)
          .as("one score per reading past the warm-up")
          .hasSize(STEADY - AnomalyOptions.defaults().warmUp());
      assertThat(steady).allSatisfy(record -> assertThat(score(record)).isLessThan(0.8));
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  private double score(ConsumerRecord<byte[], byte[]> record) {
    return json.readTree(record.value()).get("metrics").get(AnomalyScore.SCORE).doubleValue();
  }

  private static ProducerRecord<byte[], byte[]> reading(
      String deviceId, long ts, double temperature, double humidity) {
    String payload =
        String.format(
            Locale.ROOT,
            "{\"ts\":%d,\"metrics\":{\"temperature\":%.6f,\"humidity\":%.6f}}",
            ts,
            temperature,
            humidity);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            KafkaTopics.TELEMETRY,
            deviceId.getBytes(StandardCharsets.UTF_8),
            payload.getBytes(StandardCharsets.UTF_8));
    record.headers().add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(TENANT));
    record
        .headers()
        .add(KafkaHeaders.MQTT_TOPIC, KafkaHeaders.encode(DeviceTopic.telemetry(deviceId).topic()));
    record.headers().add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(RECEIVED_AT));
    return record;
  }

  private static void produce(KafkaServer kafka, List<ProducerRecord<byte[], byte[]>> records)
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

  /** The scores read from the topic's start up to and including the one of the reading at ts. */
  private List<ConsumerRecord<byte[], byte[]>> awaitScoreOf(KafkaServer kafka, long ts) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.unique("scores-reader"));
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(KafkaTopics.ANOMALY_SCORES));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(record -> ts(record) == ts);
              });
    }
    return received;
  }

  private long ts(ConsumerRecord<byte[], byte[]> record) {
    JsonNode payload = json.readTree(record.value());
    return payload.get("ts").longValue();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return KafkaHeaders.decode(record.headers().lastHeader(name).value());
  }
}
