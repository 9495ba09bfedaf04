package org.iotplatform.flink.telemetry;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.iotplatform.contracts.KafkaTopics;

/** The Kafka ends of telemetry jobs: the {@code iot.telemetry.v1} source and the DLQ sink. */
public final class TelemetryKafka {

  private TelemetryKafka() {}

  /**
   * Reads {@link KafkaTopics#TELEMETRY} as a consumer group. A new group starts at the earliest
   * record; a known group resumes at its committed offsets, which Flink commits on each completed
   * checkpoint, so a restarted job neither skips nor rereads much.
   */
  public static KafkaSource<TelemetryRecord> source(String bootstrapServers, String groupId) {
    return source(bootstrapServers, groupId, List.of(KafkaTopics.TELEMETRY));
  }

  /**
   * Reads {@code topics} that carry telemetry-shaped records as a consumer group, like {@link
   * #source(String, String)}. The job fails while one of the topics is missing.
   */
  public static KafkaSource<TelemetryRecord> source(
      String bootstrapServers, String groupId, List<String> topics) {
    return builder(bootstrapServers, groupId).setTopics(topics).build();
  }

  /**
   * Reads {@link KafkaTopics#TELEMETRY} and {@link KafkaTopics#ANOMALY_SCORES} as a consumer group,
   * like {@link #source(String, String)}: anomaly scores are telemetry of the same devices.
   * Subscribed by pattern, because a list subscription fails the job while a topic is missing, and
   * no job may depend on the anomaly job being deployed: a topic created later is picked up within
   * 30 s.
   */
  public static KafkaSource<TelemetryRecord> telemetryAndScores(
      String bootstrapServers, String groupId) {
    return builder(bootstrapServers, groupId)
        .setTopicPattern(
            Pattern.compile(
                Pattern.quote(KafkaTopics.TELEMETRY)
                    + "|"
                    + Pattern.quote(KafkaTopics.ANOMALY_SCORES)))
        .build();
  }

  @SuppressWarnings("deprecation") // OffsetResetStrategy: the connector's API still takes it
  private static KafkaSourceBuilder<TelemetryRecord> builder(
      String bootstrapServers, String groupId) {
    return KafkaSource.<TelemetryRecord>builder()
        .setBootstrapServers(bootstrapServers)
        .setGroupId(groupId)
        .setClientIdPrefix(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new TelemetryRecordDeserializer())
        // Picks up partitions added to the topic while the job runs (the default is 5 min).
        .setProperty("partition.discovery.interval.ms", "30000");
  }

  /** Writes rejected records to {@link KafkaTopics#TELEMETRY_DLQ}, at least once. */
  public static KafkaSink<RejectedTelemetry> deadLetterSink(String bootstrapServers) {
    return KafkaSink.<RejectedTelemetry>builder()
        .setBootstrapServers(bootstrapServers)
        .setRecordSerializer(new DeadLetterSerializer())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }
}
