package org.iotplatform.shadow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.servers.RedisServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The relay against real Redis and Kafka: outbox records that a crashed relay (another consumer
 * name, as a restarted process has) read and never acknowledged are taken over and sent.
 *
 * <p>On a Redis server of its own: the JVM's shared one may hold the outbox stream of a service
 * context another test class left running, whose relay would create the group and read the records
 * this test stages.
 */
@ExtendWith(KafkaExtension.class)
class OutboxRelayIT {

  @Test
  void takesOverWhatACrashedRelayReadAndDidNotSend(KafkaServer kafka, @TempDir Path dir)
      throws Exception {
    String topic = TestTopics.unique("outbox");
    kafka.createTopics(1, topic);
    try (RedisServer redisServer = RedisServer.start(0, dir)) {
      takesOver(redisServer, kafka, topic);
    }
  }

  private static void takesOver(RedisServer redisServer, KafkaServer kafka, String topic)
      throws Exception {
    RedisClient client = RedisClient.create(redisServer.uri());
    KafkaTemplate<String, String> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      var redis = connection.sync();
      for (String value : List.of("first", "second")) {
        redis.xadd(RedisKeys.OUTBOX, Map.of("topic", topic, "key", "d1", "value", value));
      }
      redis.xgroupCreate(
          StreamOffset.from(RedisKeys.OUTBOX, "0"), "relay", XGroupCreateArgs.Builder.mkstream());
      assertThat(
              redis.xreadgroup(
                  Consumer.from("relay", "relay-crashed"),
                  XReadArgs.Builder.count(10),
                  StreamOffset.lastConsumed(RedisKeys.OUTBOX)))
          .hasSize(2);

      OutboxRelay underTest =
          new OutboxRelay(
              client,
              template,
              "relay-restarted",
              Duration.ofMillis(500),
              Duration.ofSeconds(1),
              new SimpleMeterRegistry());
      underTest.start();
      try {
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka, topic)) {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                    return received.size() >= 2;
                  });
        }
        assertThat(received).containsExactly("first", "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(RedisKeys.OUTBOX) == 0);
      } finally {
        underTest.stop();
      }
    } finally {
      template.destroy();
      client.shutdown();
    }
  }

  private static KafkaConsumer<String, String> consumer(KafkaServer kafka, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
