package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.KafkaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaExtension.class)
class KafkaServerIT {

  @Test
  void deliversAProducedRecordToAConsumer(KafkaServer underTest) throws Exception {
    String topic = TestTopics.unique("records");
    underTest.createTopics(1, topic);

    produce(underTest, topic, "device-1", "hello");

    assertThat(consume(underTest, topic, 1)).containsExactly("device-1=hello");
  }

  @Test
  void createsTopicsIdempotently(KafkaServer underTest) {
    String topic = TestTopics.unique("idempotent");

    underTest.createTopics(2, topic);
    underTest.createTopics(2, topic);

    assertThat(underTest.topics()).contains(topic);
  }

  @Test
  void deleteAllTopicsLeavesNoTopicAndAllowsRecreatingOne(KafkaServer underTest) {
    String topic = TestTopics.unique("deleted");
    underTest.createTopics(1, topic);

    underTest.deleteAllTopics();

    assertThat(underTest.topics()).isEmpty();
    underTest.createTopics(1, topic);
    assertThat(underTest.topics()).containsExactly(topic);
  }

  @Test
  void keepsRecordsAcrossARestartWithADataDirectory(@TempDir Path dataDir) throws Exception {
    int port = FreePorts.pick();
    try (KafkaServer underTest = KafkaServer.start(port, dataDir)) {
      underTest.createTopics(1, "kept");
      produce(underTest, "kept", "device-1", "before restart");
    }

    try (KafkaServer underTest = KafkaServer.start(port, dataDir)) {
      assertThat(underTest.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(consume(underTest, "kept", 1)).containsExactly("device-1=before restart");
    }
  }

  static void produce(KafkaServer kafka, String topic, String key, String value) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  static List<String> consume(KafkaServer kafka, String topic, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            TestTopics.unique("group"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<String> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          received.add(record.key() + "=" + record.value());
        }
      }
    }
    return received;
  }
}
