package org.iotplatform.alerts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.alerts.AlertEngineITBase;
import org.iotplatform.testsupport.TestServers;
import org.iotplatform.testsupport.TestTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows written while Kafka cannot be reached stay in the outbox, and go out in order once it can: a
 * relay pointed at a closed port stands for Kafka down, the service's own relay for Kafka back.
 */
class OutboxRelayIT extends AlertEngineITBase {

  @Autowired OutboxRelay relay;
  @Autowired Outbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired MeterRegistry meters;

  @Test
  void sendsWhatWasWrittenWhileKafkaWasDownOnceItIsBack() {
    String topic = TestTopics.unique("iot.alert-rules.v1");
    TestServers.kafka().createTopics(1, topic);
    relay.stop();
    try {
      transactions.executeWithoutResult(
          status -> {
            outbox.append("rule:t/r1", topic, "r1", "v1".getBytes(StandardCharsets.UTF_8));
            outbox.append("rule:t/r1", topic, "r1", "v2".getBytes(StandardCharsets.UTF_8));
            outbox.append("rule:t/r1", topic, "r1", null);
          });
      OutboxRelay cutOff = relayTo("127.0.0.1:1");

      assertThatThrownBy(cutOff::relayOnce).isInstanceOf(IllegalStateException.class);
      assertThat(unpublished()).isEqualTo(3);
    } finally {
      relay.start();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
    assertThat(read(topic)).containsExactly("v1", "v2", null);
    assertThat(meters.get("alerts.rules.published").counter().count()).isGreaterThanOrEqualTo(3);
    assertThat(meters.get("alerts.outbox.lag").gauge().value()).isNotNegative();
  }

  @Test
  void deletesOnlySentRowsPastTheirRetention() {
    relay.stop();
    try {
      transactions.executeWithoutResult(
          status -> {
            outbox.append("rule:t/old", "unused-topic", "old", null);
            outbox.append("rule:t/recent", "unused-topic", "recent", null);
            outbox.append("rule:t/unsent", "unused-topic", "unsent", null);
          });
      jdbc.update("UPDATE outbox SET created_at = now() - interval '30 days'");
      jdbc.update(
          "UPDATE outbox SET published_at = now() - interval '8 days' WHERE record_key = 'old'");
      jdbc.update(
          "UPDATE outbox SET published_at = now() - interval '1 day' WHERE record_key = 'recent'");

      int deleted = relay.deleteSentBefore(Instant.now().minus(Duration.ofDays(7)));

      assertThat(deleted).isEqualTo(1);
      assertThat(jdbc.queryForList("SELECT record_key FROM outbox ORDER BY id", String.class))
          .containsExactly("recent", "unsent");
    } finally {
      jdbc.update("DELETE FROM outbox");
      relay.start();
    }
  }

  private OutboxRelay relayTo(String bootstrap) {
    OutboxProperties properties =
        new OutboxProperties(
            Duration.ofMillis(200),
            100,
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            Duration.ofDays(7));
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            500);
    return new OutboxRelay(
        jdbc,
        transactions,
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)),
        properties,
        new SimpleMeterRegistry());
  }

  private int unpublished() {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM outbox WHERE published_at IS NULL", Integer.class);
    return count == null ? 0 : count;
  }

  private static List<String> read(String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return values.size() >= 3;
              });
    }
    return values;
  }
}
