package org.iotplatform.systemtests.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.contracts.KafkaTopics;

/** Reads what the bridge forwarded to {@code iot.telemetry.v1} for one device. */
final class TelemetryRecords {

  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  private TelemetryRecords() {}

  /** The sequence numbers of the device's records, in the order Kafka holds them. */
  static List<Long> sequences(String bootstrapServers, String deviceId) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(KafkaTopics.TELEMETRY).stream()
              .map(p -> new TopicPartition(KafkaTopics.TELEMETRY, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<Long> sequences = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (deviceId.equals(record.key())) {
            Matcher seq = SEQ.matcher(new String(record.value(), UTF_8));
            if (seq.find()) {
              sequences.add(Long.parseLong(seq.group(1)));
            }
          }
        }
      }
      return sequences;
    }
  }

  /**
   * The sequence numbers in the order each first arrived: at-least-once delivery may repeat a
   * message after a reconnect, but the first arrivals must be in order.
   */
  static List<Long> firstArrivals(List<Long> sequences) {
    return sequences.stream().distinct().toList();
  }
}
