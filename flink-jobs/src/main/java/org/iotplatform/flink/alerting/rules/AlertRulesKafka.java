package org.iotplatform.flink.alerting.rules;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.iotplatform.contracts.KafkaTopics;

/** The Kafka end of the rules: the compacted {@code iot.alert-rules.v1} source. */
public final class AlertRulesKafka {

  private AlertRulesKafka() {}

  /**
   * Reads {@link KafkaTopics#ALERT_RULES} from the earliest record on every fresh start: the topic
   * is compacted, so reading it whole rebuilds every rule. A job restored from a checkpoint resumes
   * at the checkpointed offsets with its rules in broadcast state. Committed offsets are not used.
   */
  public static KafkaSource<RuleUpdate> source(String bootstrapServers, String groupId) {
    return KafkaSource.<RuleUpdate>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(KafkaTopics.ALERT_RULES)
        .setGroupId(groupId)
        .setClientIdPrefix(groupId + "-rules")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new AlertRuleDeserializer())
        .setProperty("commit.offsets.on.checkpoint", "false")
        .setProperty("partition.discovery.interval.ms", "30000")
        .build();
  }
}
