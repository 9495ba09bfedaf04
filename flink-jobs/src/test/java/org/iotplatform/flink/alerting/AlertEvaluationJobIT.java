package org.iotplatform.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.alerting.rules.RuleJson;
import org.iotplatform.flink.alerting.rules.TestRules;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** The alert job on a MiniCluster between real Kafka topics. */
@ExtendWith(KafkaExtension.class)
class AlertEvaluationJobIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final String DEVICE = "freezer-7";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  // Recent, increasing event times: the job drops readings older than 30 days.
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis() - 60_000);
  private final List<AlertEvent> events = new CopyOnWriteArrayList<>();

  private KafkaProducer<byte[], byte[]> producer;
  private KafkaConsumer<byte[], byte[]> consumer;
  private JobClient job;

  @BeforeEach
  void startJob(KafkaServer kafka) throws Exception {
    kafka.deleteAllTopics();
    kafka.createTopics(
        2,
        KafkaTopics.TELEMETRY,
        KafkaTopics.ANOMALY_SCORES,
        KafkaTopics.DEVICE_EVENTS,
        KafkaTopics.DEVICES,
        KafkaTopics.ALERT_RULES,
        KafkaTopics.ALERTS);
    Properties producerProperties = new Properties();
    producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
    producer =
        new KafkaProducer<>(
            producerProperties, new ByteArraySerializer(), new ByteArraySerializer());
    Properties consumerProperties = new Properties();
    consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.unique("alerts-reader"));
    consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer =
        new KafkaConsumer<>(
            consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(KafkaTopics.ALERTS));
    AlertEvaluationJob.Config config =
        new AlertEvaluationJob.Config(
            kafka.bootstrapServers(),
            TestTopics.unique("alert-evaluation-it"),
            Duration.ofSeconds(1),
            Duration.ofMillis(5),
            Duration.ofMinutes(1));
    job = AlertEvaluationJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config);
  }

  @AfterEach
  void stopJob() throws Exception {
    job.cancel().get(30, TimeUnit.SECONDS);
    consumer.close();
    producer.close();
  }

  @Test
  void firesAndResolvesAndTakesARuleUpdateWithoutARestart() throws Exception {
    AlertRuleSnapshot hot =
        TestRules.rule("r-hot", Scope.tenant(), Condition.threshold("temperature", "GT", 40.0));
    publish(hot);

    // The rule and the readings come from different topics: repeat the breach until the rule is
    // in place. The alert fires once however many breaching readings follow.
    awaitEvent(() -> reading(41.2), "FIRED", 1);
    reading(20.0);
    awaitEvent(() -> {}, "RESOLVED", 1);
    assertThat(events)
        .extracting(AlertEvent::kind, AlertEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRED", "temperature 41.2 > 40.0"),
            org.assertj.core.groups.Tuple.tuple("RESOLVED", "temperature 20.0 no longer > 40.0"));
    assertThat(events.get(1).alertId()).isEqualTo(events.get(0).alertId());

    publish(TestRules.withCondition(hot, Condition.threshold("temperature", "GT", 50.0)));
    awaitEvent(() -> reading(55.0), "FIRED", 2);

    AlertEvent fired = events.get(events.size() - 1);
    assertThat(fired.reason()).isEqualTo("temperature 55.0 > 50.0");
    assertThat(fired.deviceId()).isEqualTo(DEVICE);
    assertThat(fired.tenantId()).isEqualTo(TestRules.TENANT);
  }

  @Test
  void firesOnABatteryHeartbeatFromTheDeviceEventsTopic() throws Exception {
    publish(TestRules.rule("r-battery", Scope.tenant(), Condition.threshold("battery", "LT", 15)));

    awaitEvent(() -> heartbeat("{\"battery\":9,\"rssi\":-70,\"firmware\":\"2.4.1\"}"), "FIRED", 1);

    assertThat(events).extracting(AlertEvent::reason).containsExactly("battery 9.0 < 15.0");
  }

  private void publish(AlertRuleSnapshot rule) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                KafkaTopics.ALERT_RULES,
                rule.ruleId().getBytes(StandardCharsets.UTF_8),
                new RuleJson().write(rule).getBytes(StandardCharsets.UTF_8)))
        .get(30, TimeUnit.SECONDS);
  }

  private void reading(double temperature) {
    long ts = clock.addAndGet(1_000);
    send(
        KafkaTopics.TELEMETRY,
        "{\"ts\":" + ts + ",\"metrics\":{\"temperature\":" + temperature + "}}");
  }

  private void heartbeat(String payload) {
    send(KafkaTopics.DEVICE_EVENTS, payload);
  }

  private void send(String topic, String payload) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic,
            DEVICE.getBytes(StandardCharsets.UTF_8),
            payload.getBytes(StandardCharsets.UTF_8));
    record.headers().add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(TestRules.TENANT));
    record
        .headers()
        .add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(Instant.now().toEpochMilli()));
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Repeats {@code action} until an event of this kind and rule version arrives. */
  private void awaitEvent(Runnable action, String kind, long ruleVersion) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              action.run();
              for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                events.add(JSON.readValue(record.value(), AlertEvent.class));
              }
              return events.stream()
                  .anyMatch(e -> e.kind().equals(kind) && e.ruleVersion() == ruleVersion);
            });
  }
}
