package org.iotplatform.shadow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.testsupport.TestServers;
import org.jspecify.annotations.Nullable;

/**
 * Plays the bridge and the registry in tests: sends records as they would, and collects what the
 * service writes to a topic (read from its start, in a background thread).
 */
final class KafkaProbe implements AutoCloseable {

  private final KafkaProducer<String, String> producer;
  private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean running = true;

  KafkaProbe(String readTopic) {
    Properties producerConfig = new Properties();
    producerConfig.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer = new KafkaProducer<>(producerConfig);
    Properties consumerConfig = new Properties();
    consumerConfig.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(readTopic)
        .forEach(p -> partitions.add(new TopicPartition(readTopic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    reader =
        new Thread(
            () -> {
              try (consumer) {
                while (running) {
                  consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                }
              }
            },
            "kafka-probe-" + readTopic);
    reader.setDaemon(true);
    reader.start();
  }

  /** Creates the topics the service reads and writes, one partition each. */
  static void createServiceTopics() {
    TestServers.kafka()
        .createTopics(
            1,
            KafkaTopics.SHADOW,
            KafkaTopics.DOWNLINK,
            KafkaTopics.DEVICE_EVENTS,
            KafkaTopics.DEVICES,
            KafkaTopics.SHADOW_CHANGES);
  }

  /** Sends a record with the bridge's headers for a device's publish on {@code mqttTopic}. */
  void sendFromDevice(String topic, String deviceId, String mqttTopic, String payload) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, deviceId, payload);
    record.headers().add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode("default"));
    record.headers().add(KafkaHeaders.MQTT_TOPIC, KafkaHeaders.encode(mqttTopic));
    record.headers().add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(System.currentTimeMillis()));
    producer.send(record);
    producer.flush();
  }

  /** Sends a plain record, with an optional header. */
  void send(
      String topic,
      String key,
      @Nullable String value,
      @Nullable String headerName,
      @Nullable String headerValue) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    if (headerName != null && headerValue != null) {
      record.headers().add(headerName, headerValue.getBytes(StandardCharsets.UTF_8));
    }
    producer.send(record);
    producer.flush();
  }

  /** The records read so far with key {@code key}, in order. */
  List<ConsumerRecord<String, String>> receivedFor(String key) {
    return received.stream().filter(r -> key.equals(r.key())).toList();
  }

  @Override
  public void close() {
    running = false;
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close();
  }
}
