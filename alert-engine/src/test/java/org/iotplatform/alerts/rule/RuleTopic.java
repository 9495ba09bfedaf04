package org.iotplatform.alerts.rule;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.testsupport.TestServers;
import org.jspecify.annotations.Nullable;

/** Reads {@code iot.alert-rules.v1} from its beginning: the records of one rule, in order. */
public final class RuleTopic {

  private RuleTopic() {}

  /** One record: the snapshot, or null for a tombstone. */
  public record RuleRecord(@Nullable AlertRuleSnapshot snapshot) {}

  /** Waits until the rule's records satisfy {@code done}, and returns them. */
  public static List<RuleRecord> awaitRecords(String ruleId, Predicate<List<RuleRecord>> done) {
    TestServers.kafka().createTopics(1, KafkaTopics.ALERT_RULES);
    List<RuleRecord> records = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              records.clear();
              records.addAll(read(ruleId));
              return done.test(records);
            });
    return List.copyOf(records);
  }

  private static List<RuleRecord> read(String ruleId) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<RuleRecord> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(KafkaTopics.ALERT_RULES).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (ruleId.equals(record.key())) {
            found.add(
                new RuleRecord(
                    record.value() == null ? null : RuleJson.readSnapshot(record.value())));
          }
        }
      }
    }
    return found;
  }
}
